// Package goqualias names tables with goqu identifiers, aliased or not:
// goqu.T("odometer_readings").As("r") reads odometer_readings.
package goqualias

import "github.com/doug-martin/goqu/v9"

func Queries(db *goqu.Database) {
	db.From(goqu.T("odometer_readings").As("r"))                                  // odometer_readings
	goqu.From(goqu.T("trips").As("t")).Join(goqu.T("drivers").As("d"), goqu.On()) // trips; drivers
	goqu.From(goqu.I("fleet.vehicles").As("v"))                                   // fleet.vehicles
	goqu.From(goqu.L("generate_series(1, 10)").As("n"))                           // a site, no table: a literal
}
