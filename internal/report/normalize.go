package report

import (
	"reflect"
	"strings"
)

// Normalize gives every list of the report one form for each meaning: a
// list the JSON format always writes (`"routes": []`) is empty, never
// nil; one it leaves out when empty (`omitempty`) is nil, never empty.
// Renderers and stored reports (gob keeps no empty list) then need not
// tell nil from empty. Sort normalises too.
func (r *Report) Normalize() { normalize(reflect.ValueOf(r).Elem()) }

func normalize(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			normalize(v.Elem())
		}
	case reflect.Slice:
		for i := range v.Len() {
			normalize(v.Index(i))
		}
	case reflect.Struct:
		t := v.Type()
		for i := range t.NumField() {
			f, fv := t.Field(i), v.Field(i)
			if !f.IsExported() {
				continue
			}
			if fv.Kind() == reflect.Slice {
				tag := f.Tag.Get("json")
				switch omit := strings.Contains(tag, ",omitempty"); {
				case omit && fv.Len() == 0:
					fv.SetZero()
				case !omit && tag != "-" && fv.IsNil():
					fv.Set(reflect.MakeSlice(fv.Type(), 0, 0))
				}
			}
			normalize(fv)
		}
	}
}
