// Package crm is the CRM's repository.
package crm

import (
	"time"

	"gorm.io/gorm"

	"example.com/gorm/internal/models"
)

// Repo reads and writes the CRM.
type Repo struct{ db *gorm.DB }

// ContactByEmail finds a contact.
func (r *Repo) ContactByEmail(email string) (models.Contact, error) {
	var c models.Contact
	err := r.db.Where("email = ?", email).First(&c).Error
	return c, err
}

// Companies lists the companies with their contacts: Preload reads
// contacts in a second query.
func (r *Repo) Companies() ([]models.Company, error) {
	var cs []models.Company
	err := r.db.Preload("Contacts").Order("name").Find(&cs).Error
	return cs, err
}

// AddContact adds a contact and logs it, in one transaction.
func (r *Repo) AddContact(c *models.Contact) error {
	return r.db.Transaction(func(tx *gorm.DB) error {
		if err := tx.Create(c).Error; err != nil {
			return err
		}
		return tx.Create(&models.ActivityLog{ContactID: c.ID, At: time.Now(), Note: "created"}).Error
	})
}

// Rename changes a contact's name.
func (r *Repo) Rename(id uint, name string) error {
	return r.db.Model(&models.Contact{}).Where("id = ?", id).Update("full_name", name).Error
}

// CloseDeal saves a deal.
func (r *Repo) CloseDeal(d *models.Deal) error {
	return r.db.Save(d).Error
}

// RemoveContact deletes a contact.
func (r *Repo) RemoveContact(id uint) error {
	return r.db.Delete(&models.Contact{}, id).Error
}

// StageChanges counts the stage changes of a deal; h is an alias.
func (r *Repo) StageChanges(deal uint) (int64, error) {
	var n int64
	err := r.db.Table("deal_stage_history h").Where("h.deal_id = ?", deal).Count(&n).Error
	return n, err
}

// AtCompany lists the contacts of a company by name.
func (r *Repo) AtCompany(name string) ([]models.Contact, error) {
	var cs []models.Contact
	err := r.db.Joins("JOIN companies ON companies.id = contacts.company_id").
		Where("companies.name = ?", name).Find(&cs).Error
	return cs, err
}

// PeopleNamed runs raw SQL.
func (r *Repo) PeopleNamed(prefix string) ([]models.Person, error) {
	var ps []models.Person
	err := r.db.Raw("SELECT id, name FROM people WHERE name LIKE ?", prefix+"%").Scan(&ps).Error
	return ps, err
}

// RenameCompanies fixes the case of company names with raw SQL.
func (r *Repo) RenameCompanies() error {
	return r.db.Exec("UPDATE companies SET name = initcap(name)").Error
}

// CountPeople counts people.
func (r *Repo) CountPeople() (int64, error) {
	var n int64
	err := r.db.Model(&models.Person{}).Count(&n).Error
	return n, err
}

// ContactsPerCompany aggregates contacts into a struct that is no model.
func (r *Repo) ContactsPerCompany() ([]struct {
	CompanyID uint
	N         int
}, error) {
	var rows []struct {
		CompanyID uint
		N         int
	}
	err := r.db.Table("contacts").Select("company_id, count(*) AS n").Group("company_id").Scan(&rows).Error
	return rows, err
}

// EnsurePerson finds or creates a person.
func (r *Repo) EnsurePerson(name string) (models.Person, error) {
	p := models.Person{Name: name}
	err := r.db.Where(models.Person{Name: name}).FirstOrCreate(&p).Error
	return p, err
}
