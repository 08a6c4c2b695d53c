package audit

import (
	"crypto/sha256"
	"encoding/hex"
	"regexp"
	"strings"

	"github.com/oneway-lint/oneway/internal/report"
)

var digits = regexp.MustCompile(`[0-9]+`)

// fingerprintOf is a decision's fingerprint: a hash of its rule,
// component, package and subject (or, for a decision without a subject,
// its file and its message with the numbers taken out), so that it
// survives edits that move lines. A whole-program decision is identified
// by its rule and subject alone: its position is one of many sites, and
// which one may change with edits elsewhere.
func fingerprintOf(d *report.Decision, global bool) string {
	key := []string{d.Rule, d.Component, d.Package, d.Subject}
	switch {
	case global && d.Subject != "":
		key = []string{d.Rule, d.Subject}
	case d.Subject == "":
		key = append(key[:3], d.File, digits.ReplaceAllString(d.Message, "N"))
	}
	h := sha256.Sum256([]byte(strings.Join(key, "\x00")))
	return hex.EncodeToString(h[:8])
}

// number tells apart the decisions that share a fingerprint: each gets
// its Occurrence in report order. ds must be sorted.
func number(ds []report.Decision) {
	seen := map[string]int{}
	for i := range ds {
		d := &ds[i]
		d.Occurrence = seen[d.Fingerprint]
		seen[d.Fingerprint]++
	}
}
