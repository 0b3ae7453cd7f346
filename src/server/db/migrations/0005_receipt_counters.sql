CREATE TABLE "receipt_counters" (
	"program_code" text NOT NULL,
	"year" integer NOT NULL,
	"seq" integer NOT NULL,
	CONSTRAINT "receipt_counters_program_code_year_pk" PRIMARY KEY("program_code","year")
);
