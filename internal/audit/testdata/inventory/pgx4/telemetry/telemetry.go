// Package telemetry stores device readings with pgx v4.
package telemetry

import (
	"context"
	"time"

	"github.com/jackc/pgx/v4"
	"github.com/jackc/pgx/v4/pgxpool"
)

// Reading is one measurement.
type Reading struct {
	Device string
	At     time.Time
	Value  float64
}

// Store keeps readings.
type Store struct {
	pool *pgxpool.Pool
	conn *pgx.Conn
}

// Latest returns the latest readings of a device.
func (s *Store) Latest(ctx context.Context, device string) (pgx.Rows, error) {
	return s.pool.Query(ctx, `SELECT r.at, r.value FROM readings r
		JOIN devices d ON d.id = r.device_id
		WHERE d.serial = $1 ORDER BY r.at DESC LIMIT 100`, device)
}

// Record stores a batch of readings.
func (s *Store) Record(ctx context.Context, rs []Reading) error {
	b := &pgx.Batch{}
	for _, r := range rs {
		b.Queue("INSERT INTO readings (device_id, at, value) SELECT id, $2, $3 FROM devices WHERE serial = $1", r.Device, r.At, r.Value)
	}
	return s.pool.SendBatch(ctx, b).Close()
}

// Firmware calls f for every firmware release newer than a version.
func (s *Store) Firmware(ctx context.Context, version int, f func(v int, url string)) error {
	var v int
	var url string
	_, err := s.conn.QueryFunc(ctx, "SELECT version, url FROM firmware_releases WHERE version > $1",
		[]any{version}, []any{&v, &url}, func(pgx.QueryFuncRow) error {
			f(v, url)
			return nil
		})
	return err
}

// Registered reports whether a device is known.
func (s *Store) Registered(ctx context.Context, serial string) (bool, error) {
	var ok bool
	err := s.conn.QueryRow(ctx, "SELECT EXISTS (SELECT 1 FROM devices WHERE serial = $1)", serial).Scan(&ok)
	return ok, err
}

// Retire removes a device and its readings.
func (s *Store) Retire(ctx context.Context, serial string) error {
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return err
	}
	defer func() { _ = tx.Rollback(ctx) }()
	if _, err := tx.Exec(ctx, "DELETE FROM readings WHERE device_id = (SELECT id FROM devices WHERE serial = $1)", serial); err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, "DELETE FROM devices WHERE serial = $1", serial); err != nil {
		return err
	}
	return tx.Commit(ctx)
}
