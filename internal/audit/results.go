package audit

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"reflect"

	"github.com/oneway-lint/oneway/internal/report"
)

// The results cache's entries: whole reports, keyed by everything they
// depend on (resultskey.go).

// cacheable reports whether a report may be stored: it has no package
// problems (which may come from the environment: a module that could not
// be downloaded).
func cacheable(r *report.Report) bool {
	for _, p := range r.Problems {
		if p.Kind == report.PackageProblem {
			return false
		}
	}
	return true
}

// encodeReport writes a report losslessly: the renderers tell nil from
// empty lists and print invalid UTF-8 as escapes, which JSON and gob
// would not keep.
func encodeReport(r *report.Report) ([]byte, error) {
	var buf bytes.Buffer
	if err := encodeValue(&buf, reflect.ValueOf(r).Elem()); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func decodeReport(data []byte) (*report.Report, error) {
	r := new(report.Report)
	rd := bytes.NewReader(data)
	if err := decodeValue(rd, reflect.ValueOf(r).Elem()); err != nil {
		return nil, err
	}
	if rd.Len() != 0 {
		return nil, errors.New("trailing data")
	}
	return r, nil
}

func encodeValue(w *bytes.Buffer, v reflect.Value) error {
	switch v.Kind() {
	case reflect.Struct:
		t := v.Type()
		for i := range t.NumField() {
			if !t.Field(i).IsExported() {
				return fmt.Errorf("cannot encode unexported field %s.%s", t, t.Field(i).Name)
			}
			if err := encodeValue(w, v.Field(i)); err != nil {
				return err
			}
		}
	case reflect.Slice:
		if v.IsNil() {
			w.Write(binary.AppendUvarint(nil, 0))
			return nil
		}
		w.Write(binary.AppendUvarint(nil, uint64(v.Len())+1))
		for i := range v.Len() {
			if err := encodeValue(w, v.Index(i)); err != nil {
				return err
			}
		}
	case reflect.Pointer:
		if v.IsNil() {
			w.WriteByte(0)
			return nil
		}
		w.WriteByte(1)
		return encodeValue(w, v.Elem())
	case reflect.String:
		w.Write(binary.AppendUvarint(nil, uint64(v.Len())))
		w.WriteString(v.String())
	case reflect.Bool:
		b := byte(0)
		if v.Bool() {
			b = 1
		}
		w.WriteByte(b)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		w.Write(binary.AppendVarint(nil, v.Int()))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		w.Write(binary.AppendUvarint(nil, v.Uint()))
	case reflect.Float32, reflect.Float64:
		w.Write(binary.LittleEndian.AppendUint64(nil, math.Float64bits(v.Float())))
	default:
		return fmt.Errorf("cannot encode %s", v.Type())
	}
	return nil
}

func decodeValue(r *bytes.Reader, v reflect.Value) error {
	switch v.Kind() {
	case reflect.Struct:
		for i := range v.NumField() {
			if err := decodeValue(r, v.Field(i)); err != nil {
				return err
			}
		}
	case reflect.Slice:
		n, err := binary.ReadUvarint(r)
		if err != nil {
			return err
		}
		if n == 0 {
			return nil
		}
		if n-1 > uint64(r.Len()) {
			return errors.New("bad length")
		}
		s := reflect.MakeSlice(v.Type(), int(n-1), int(n-1))
		for i := range int(n - 1) {
			if err := decodeValue(r, s.Index(i)); err != nil {
				return err
			}
		}
		v.Set(s)
	case reflect.Pointer:
		b, err := r.ReadByte()
		if err != nil {
			return err
		}
		if b == 0 {
			return nil
		}
		p := reflect.New(v.Type().Elem())
		if err := decodeValue(r, p.Elem()); err != nil {
			return err
		}
		v.Set(p)
	case reflect.String:
		n, err := binary.ReadUvarint(r)
		if err != nil {
			return err
		}
		if n > uint64(r.Len()) {
			return errors.New("bad length")
		}
		b := make([]byte, n)
		if _, err := io.ReadFull(r, b); err != nil {
			return err
		}
		v.SetString(string(b))
	case reflect.Bool:
		b, err := r.ReadByte()
		if err != nil {
			return err
		}
		v.SetBool(b == 1)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, err := binary.ReadVarint(r)
		if err != nil {
			return err
		}
		v.SetInt(n)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		n, err := binary.ReadUvarint(r)
		if err != nil {
			return err
		}
		v.SetUint(n)
	case reflect.Float32, reflect.Float64:
		var b [8]byte
		if _, err := io.ReadFull(r, b[:]); err != nil {
			return err
		}
		v.SetFloat(math.Float64frombits(binary.LittleEndian.Uint64(b[:])))
	default:
		return fmt.Errorf("cannot decode %s", v.Type())
	}
	return nil
}
