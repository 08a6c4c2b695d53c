// Package database sets the CRM's schema up as the service starts.
package database

import (
	"gorm.io/gorm"

	"example.com/gorm/internal/models"
)

// Setup migrates the models and drops the table the CRM no longer uses:
// schema issued from application code.
func Setup(db *gorm.DB) error {
	if err := db.AutoMigrate(&models.Company{}, &models.Contact{}, &models.Person{}, &models.Deal{}, &models.ActivityLog{}); err != nil {
		return err
	}
	return db.Migrator().DropTable("legacy_contacts")
}
