package api

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"reflect"
	"regexp"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/oneway-lint/oneway/analyzers/finding"
)

// ProtoAnalyzer reports protobuf packages without a version suffix.
var ProtoAnalyzer = &analysis.Analyzer{
	Name:       "unversionedproto",
	Doc:        finding.AnalyzerDoc("report protobuf packages in generated code without a version suffix", "", RuleUnversionedProto),
	URL:        finding.DocURL(RuleUnversionedProto),
	Requires:   []*analysis.Analyzer{inspect.Analyzer},
	Run:        runProto,
	ResultType: reflect.TypeFor[*ProtoResult](),
}

// ProtoResult is the result of the proto analyzer on one package: its
// findings, and every protobuf package its generated code declares.
type ProtoResult struct {
	finding.Result
	Packages []ProtoPackage // sorted by name
}

// ProtoPackage is one protobuf package declared in generated code.
type ProtoPackage struct {
	Name     string
	Services []string // fully qualified service names, sorted
	Pos      token.Pos
}

// protoVersion is buf's PACKAGE_VERSION_SUFFIX: the last component of
// the package is v1, v1test…, v1alpha1 / v1beta1 (the number after
// alpha or beta optional) or v1p1alpha1.
var protoVersion = regexp.MustCompile(`^v[0-9]+(test.*|(alpha|beta)[0-9]*|p[0-9]+(alpha|beta)[0-9]*)?$`)

// ProtoPackageVersioned reports whether a protobuf package name ends in a
// version component.
func ProtoPackageVersioned(pkg string) bool {
	return protoVersion.MatchString(pkg[strings.LastIndexByte(pkg, '.')+1:]) // a package named v1 alone is versioned too
}

func runProto(pass *analysis.Pass) (any, error) {
	res := &ProtoResult{}
	ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	type seen struct {
		pos      token.Pos
		sites    []token.Pos
		services map[string]bool
	}
	pkgs := map[string]*seen{}
	add := func(pkg string, pos token.Pos, service string) {
		if pkg == "" {
			return
		}
		s := pkgs[pkg]
		if s == nil {
			s = &seen{pos: pos, services: map[string]bool{}}
			pkgs[pkg] = s
		}
		s.sites = append(s.sites, pos)
		if service != "" {
			s.services[service] = true
		}
	}
	filter := []ast.Node{(*ast.ValueSpec)(nil), (*ast.KeyValueExpr)(nil)}
	ins.Preorder(filter, func(n ast.Node) {
		if !strings.HasSuffix(pass.Fset.File(n.Pos()).Name(), ".pb.go") {
			return
		}
		switch n := n.(type) {
		case *ast.ValueSpec:
			for i, id := range n.Names {
				obj := pass.TypesInfo.Defs[id]
				if obj == nil {
					continue
				}
				switch {
				case strings.HasSuffix(id.Name, "_rawDesc"):
					if b, ok := descriptorBytes(pass.TypesInfo, obj, n, i); ok {
						add(descriptorPackage(b), id.Pos(), "")
					}
				case strings.HasSuffix(id.Name, "_FullMethodName"):
					if c, ok := obj.(*types.Const); ok && c.Val().Kind() == constant.String {
						full := strings.TrimPrefix(constant.StringVal(c.Val()), "/")
						svc, _, _ := strings.Cut(full, "/")
						add(servicePackage(full, true), id.Pos(), svc)
					}
				}
			}
		case *ast.KeyValueExpr:
			if k, ok := n.Key.(*ast.Ident); ok && k.Name == "ServiceName" {
				if tv, ok := pass.TypesInfo.Types[n.Value]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
					svc := constant.StringVal(tv.Value)
					add(servicePackage(svc, false), n.Pos(), svc)
				}
			}
		}
	})
	names := make([]string, 0, len(pkgs))
	for p := range pkgs {
		names = append(names, p)
	}
	sort.Strings(names)
	for _, p := range names {
		s := pkgs[p]
		services := make([]string, 0, len(s.services))
		for svc := range s.services {
			services = append(services, svc)
		}
		sort.Strings(services)
		res.Packages = append(res.Packages, ProtoPackage{Name: p, Services: services, Pos: s.pos})
		if ProtoPackageVersioned(p) || len(services) == 0 {
			// Messages alone are no served contract: the package name
			// is not on the wire (a service's is, in every method's
			// path). Storage records and shared types may rename it.
			continue
		}
		var rel []finding.Related
		for _, pos := range s.sites[1:] {
			rel = append(rel, finding.Related{Pos: pos, Message: "protobuf package " + p + " used here"})
		}
		res.Report(pass, finding.Finding{
			Rule:     RuleUnversionedProto,
			Pos:      s.pos,
			Message:  fmt.Sprintf("protobuf package %s has no version suffix (like %s.v1)", p, p),
			Subject:  p,
			Evidence: finding.Evidence{Sites: len(s.sites), Packages: 1, Public: true},
			Related:  rel,
		})
	}
	return res, nil
}

// servicePackage returns the package of "pkg.Service/Method" (method)
// or "pkg.Service".
func servicePackage(s string, method bool) string {
	if method {
		s, _, _ = strings.Cut(s, "/")
	}
	i := strings.LastIndexByte(s, '.')
	if i < 0 {
		return ""
	}
	return s[:i]
}

// descriptorBytes reads a raw descriptor: a string constant (newer
// protoc-gen-go) or a []byte literal (older ones).
func descriptorBytes(info *types.Info, obj types.Object, spec *ast.ValueSpec, i int) ([]byte, bool) {
	if c, ok := obj.(*types.Const); ok && c.Val().Kind() == constant.String {
		return []byte(constant.StringVal(c.Val())), true
	}
	if i >= len(spec.Values) {
		return nil, false
	}
	v := ast.Unparen(spec.Values[i])
	if tv, ok := info.Types[v]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
		return []byte(constant.StringVal(tv.Value)), true
	}
	if call, ok := v.(*ast.CallExpr); ok && len(call.Args) == 1 { // []byte("…")
		if tv, ok := info.Types[call.Args[0]]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
			return []byte(constant.StringVal(tv.Value)), true
		}
	}
	cl, ok := v.(*ast.CompositeLit)
	if !ok {
		return nil, false
	}
	var b []byte
	for _, e := range cl.Elts {
		tv, ok := info.Types[e]
		if !ok || tv.Value == nil {
			return nil, false
		}
		n, ok := constant.Int64Val(constant.ToInt(tv.Value))
		if !ok || n < 0 || n > 255 {
			return nil, false
		}
		b = append(b, byte(n))
	}
	return b, true
}

// descriptorPackage reads field 2 (package) of a serialized
// FileDescriptorProto; "" if it is absent or the bytes are malformed.
func descriptorPackage(b []byte) string {
	for len(b) > 0 {
		key, n := uvarint(b)
		if n <= 0 {
			return ""
		}
		b = b[n:]
		field, wire := key>>3, key&7
		switch wire {
		case 0:
			_, n := uvarint(b)
			if n <= 0 {
				return ""
			}
			b = b[n:]
		case 1:
			if len(b) < 8 {
				return ""
			}
			b = b[8:]
		case 2:
			l, n := uvarint(b)
			if n <= 0 || l > uint64(len(b)-n) {
				return ""
			}
			val := b[n : n+int(l)]
			b = b[n+int(l):]
			if field == 2 {
				return string(val)
			}
		case 5:
			if len(b) < 4 {
				return ""
			}
			b = b[4:]
		default:
			return ""
		}
	}
	return ""
}

func uvarint(b []byte) (uint64, int) {
	var x uint64
	for i := 0; i < len(b) && i < 10; i++ {
		x |= uint64(b[i]&0x7f) << (7 * i)
		if b[i] < 0x80 {
			return x, i + 1
		}
	}
	return 0, 0
}
