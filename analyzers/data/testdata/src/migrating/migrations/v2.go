package migrations

import "database/sql"

// V2 changes a column the first version added and backfills another.
func V2(db *sql.DB) error {
	if _, err := db.Exec(`ALTER TABLE accounts ADD COLUMN IF NOT EXISTS prefs JSONB`); err != nil { // one decision, reported at V1
		return err
	}
	if _, err := db.Exec(`ALTER TABLE accounts ADD COLUMN plan TEXT NOT NULL DEFAULT 'free'`); err != nil {
		return err
	}
	_, err := db.Exec(`UPDATE accounts SET plan = 'legacy'; INSERT INTO archive SELECT * FROM accounts`) // a backfill runs once
	return err
}
