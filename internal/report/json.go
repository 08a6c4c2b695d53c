package report

import (
	"encoding/json"
	"io"
)

// JSON writes r as indented JSON. Empty lists are written as [] rather
// than null so that scripts can iterate without checks.
func JSON(w io.Writer, r *Report) error {
	out := *r
	if out.Decisions == nil {
		out.Decisions = []Decision{}
	}
	if out.Components == nil {
		out.Components = []Component{}
	}
	if out.Inventory.Tables == nil {
		out.Inventory.Tables = []Table{}
	}
	if out.Inventory.Routes == nil {
		out.Inventory.Routes = []Route{}
	}
	if out.Inventory.ProtoPackages == nil {
		out.Inventory.ProtoPackages = []ProtoPackage{}
	}
	for i := range out.Inventory.ProtoPackages {
		if out.Inventory.ProtoPackages[i].Services == nil {
			out.Inventory.ProtoPackages[i].Services = []string{}
		}
	}
	if out.Inventory.Dependencies == nil {
		out.Inventory.Dependencies = []Edge{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(&out)
}
