CREATE TYPE "public"."prediction_regime" AS ENUM('odds-free', 'with-odds');--> statement-breakpoint
DROP INDEX "predictions_batch_match_model_idx";--> statement-breakpoint
ALTER TABLE "predictions" ADD COLUMN "regime" "prediction_regime";--> statement-breakpoint
-- Forecasts stored before the two regimes: labelled by the information they were made with.
UPDATE "predictions" SET "regime" = CASE WHEN "market_home" IS NULL THEN 'odds-free'::"prediction_regime" ELSE 'with-odds'::"prediction_regime" END;--> statement-breakpoint
ALTER TABLE "predictions" ALTER COLUMN "regime" SET NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "predictions_batch_match_model_regime_idx" ON "predictions" USING btree ("match_id","model_version_id","regime") WHERE "predictions"."kind" = 'batch';