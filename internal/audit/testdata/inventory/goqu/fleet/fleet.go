// Package fleet keeps the vehicles and trips of a fleet, its queries
// built with goqu.
package fleet

import (
	"context"
	"database/sql"

	"github.com/doug-martin/goqu/v9"
)

var pg = goqu.Dialect("postgres")

// Trip is a row of trips.
type Trip struct {
	ID      int64  `db:"id"`
	Vehicle string `db:"vehicle"`
	Driver  string `db:"driver"`
}

// Store reads and writes the fleet.
type Store struct {
	sql *sql.DB
	db  *goqu.Database
}

// Active lists the active vehicles.
func (s *Store) Active(ctx context.Context) (*sql.Rows, error) {
	query, args, err := pg.From("vehicles").Where(goqu.Ex{"active": true}).ToSQL()
	if err != nil {
		return nil, err
	}
	return s.sql.QueryContext(ctx, query, args...)
}

// Trips lists the trips of a vehicle with their drivers.
func (s *Store) Trips(ctx context.Context, vehicle string) ([]Trip, error) {
	var ts []Trip
	err := s.db.From(goqu.T("trips")).
		Join(goqu.T("drivers"), goqu.On(goqu.I("drivers.id").Eq(goqu.I("trips.driver_id")))).
		Where(goqu.Ex{"trips.vehicle": vehicle}).
		ScanStructsContext(ctx, &ts)
	return ts, err
}

// Odometer reads the odometer readings of a vehicle; r is an alias.
func (s *Store) Odometer(ctx context.Context, vehicle string) (*sql.Rows, error) {
	query, args, err := pg.From(goqu.T("odometer_readings").As("r")).Where(goqu.Ex{"r.vehicle": vehicle}).ToSQL()
	if err != nil {
		return nil, err
	}
	return s.sql.QueryContext(ctx, query, args...)
}

// Log records a trip event.
func (s *Store) Log(ctx context.Context, trip int64, event string) error {
	query, args, err := pg.Insert("trip_events").Rows(goqu.Record{"trip_id": trip, "event": event}).ToSQL()
	if err != nil {
		return err
	}
	_, err = s.sql.ExecContext(ctx, query, args...)
	return err
}

// Retire marks a vehicle inactive.
func (s *Store) Retire(ctx context.Context, vehicle string) error {
	query, args, err := pg.Update("vehicles").Set(goqu.Record{"active": false}).Where(goqu.Ex{"id": vehicle}).ToSQL()
	if err != nil {
		return err
	}
	_, err = s.sql.ExecContext(ctx, query, args...)
	return err
}

// FreeSlots deletes the maintenance slots of a vehicle.
func (s *Store) FreeSlots(ctx context.Context, vehicle string) error {
	query, args, err := pg.Delete("maintenance_slots").Where(goqu.Ex{"vehicle": vehicle}).ToSQL()
	if err != nil {
		return err
	}
	_, err = s.sql.ExecContext(ctx, query, args...)
	return err
}
