package report

import (
	"bytes"
	"encoding/gob"
	"path"
	"reflect"
	"strings"
)

// Normalize gives every list of the report one form for each meaning: a
// list the JSON format always writes (`"routes": []`) is empty, never
// nil; one it leaves out when empty (`omitempty`) is nil, never empty.
// Renderers and stored reports (gob keeps no empty list) then need not
// tell nil from empty. Sort normalises too.
func (r *Report) Normalize() {
	fields(reflect.ValueOf(r).Elem(), func(f reflect.StructField, fv reflect.Value) {
		if fv.Kind() != reflect.Slice {
			return
		}
		tag := f.Tag.Get("json")
		switch omit := strings.Contains(tag, ",omitempty"); {
		case omit && fv.Len() == 0:
			fv.SetZero()
		case !omit && tag != "-" && fv.IsNil():
			fv.Set(reflect.MakeSlice(fv.Type(), 0, 0))
		}
	})
}

// UnderDir makes every file path of the report relative to the directory
// dir is a subdirectory of, as "dir/path": GitHub places annotations and
// code-scanning results by paths from the repository's root, which is
// above the module's in a monorepo. dir is slash-separated; "" or "."
// changes nothing.
func (r *Report) UnderDir(dir string) {
	if dir == "" || dir == "." {
		return
	}
	fields(reflect.ValueOf(r).Elem(), func(f reflect.StructField, fv reflect.Value) {
		if f.Name == "File" && fv.Kind() == reflect.String && fv.String() != "" {
			fv.SetString(path.Join(dir, fv.String()))
		}
	})
}

// Clone returns a deep copy of the report.
func (r *Report) Clone() *Report {
	var buf bytes.Buffer
	c := new(Report)
	if err := gob.NewEncoder(&buf).Encode(r); err != nil {
		panic("report: cannot copy a report: " + err.Error()) // every field is plain data
	}
	if err := gob.NewDecoder(&buf).Decode(c); err != nil {
		panic("report: cannot copy a report: " + err.Error())
	}
	c.Normalize()
	return c
}

// fields calls fn on every exported field of every struct in v, through
// pointers and slices, before looking inside the field.
func fields(v reflect.Value, fn func(reflect.StructField, reflect.Value)) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			fields(v.Elem(), fn)
		}
	case reflect.Slice:
		for i := range v.Len() {
			fields(v.Index(i), fn)
		}
	case reflect.Struct:
		t := v.Type()
		for i := range t.NumField() {
			if f := t.Field(i); f.IsExported() {
				fn(f, v.Field(i))
				fields(v.Field(i), fn)
			}
		}
	}
}
