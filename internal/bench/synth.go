package bench

import (
	"bytes"
	"fmt"
	"go/format"
	"os"
	"path/filepath"
	"strings"
)

// SynthModule is the module path of the generated code bases.
const SynthModule = "example.com/synth"

// MinPackages is the smallest module Generate makes: the platform
// packages, the command and two components.
const MinPackages = 16

// Generate writes a synthetic, realistic Go module of about n packages
// (at least MinPackages) into dir, using the standard library only. It
// has what oneway reads in a real service:
//
//   - components (under internal/ and at the top level), each with a
//     model package (structs with db and json tags), a store (a
//     repository issuing SQL through a shared database/sql wrapper and a
//     local one), a service, an HTTP API (a sub-mux mounted on the
//     server's net/http ServeMux, versioned or not) and plain logic
//     packages;
//   - cross-component concrete dependencies (services calling the next
//     component's service), tables shared by several components,
//     exported package state written at run time;
//   - component cycles (a hooks package importing the previous
//     component's model, whose service imports this one's);
//   - a command wiring every API into one server.
//
// The output depends on n only, so runs are comparable. dir must not
// exist or be empty.
func Generate(dir string, n int) error {
	if n < MinPackages {
		return fmt.Errorf("bench: at least %d packages, not %d", MinPackages, n)
	}
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return fmt.Errorf("bench: %s is not empty", dir)
	}
	g := &generator{dir: dir}
	g.plan(n)
	g.write("go.mod", "module "+SynthModule+"\n\ngo 1.24\n")
	g.platform()
	for i := range g.comps {
		g.component(i)
	}
	g.command()
	return g.err
}

// generator writes one module.
type generator struct {
	dir   string
	comps []comp
	err   error
	pkgs  int // packages written
}

// comp is one generated component.
type comp struct {
	name    string // component name, also the table prefix
	dir     string // directory relative to the module root
	group   int    // services call the next service of their group
	hooks   bool   // has a hooks package closing a component cycle
	fillers int    // logic packages
}

var words = []string{
	"orders", "billing", "users", "catalog", "inventory", "shipping", "payments", "search",
	"reviews", "notify", "auth", "reports", "pricing", "promo", "support", "ledger",
}

const (
	platformPkgs = 4 // dbx, httpx, metrics, config
	commandPkgs  = 1
	corePkgs     = 4 // model, store, service, api
	groupSize    = 8 // components per service chain
)

// plan decides the components and how many packages each has, so that
// the module has n packages in all.
func (g *generator) plan(n int) {
	nc := max(2, (n-platformPkgs-commandPkgs)/10)
	rest := n - platformPkgs - commandPkgs
	for i := range nc {
		name := words[i%len(words)]
		if i >= len(words) {
			name += fmt.Sprint(i / len(words))
		}
		dir := name
		if i%2 == 0 {
			dir = "internal/" + name
		}
		c := comp{name: name, dir: dir, group: i / groupSize, hooks: i%5 == 1}
		rest -= corePkgs
		if c.hooks {
			rest -= 1
		}
		g.comps = append(g.comps, c)
	}
	for i := 0; rest > 0; i = (i + 1) % nc {
		g.comps[i].fillers++
		rest--
	}
}

func (g *generator) imp(c comp, pkg string) string { return SynthModule + "/" + c.dir + "/" + pkg }

// write formats src (when it is Go) and writes it to rel.
func (g *generator) write(rel, src string) {
	if g.err != nil {
		return
	}
	data := []byte(src)
	if strings.HasSuffix(rel, ".go") {
		formatted, err := format.Source(data)
		if err != nil {
			g.err = fmt.Errorf("bench: generated %s does not parse: %w", rel, err)
			return
		}
		data = formatted
	}
	p := filepath.Join(g.dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		g.err = err
		return
	}
	g.err = os.WriteFile(p, data, 0o644)
}

// file starts a Go file of package name with the given imports.
func file(name string, imports ...string) *bytes.Buffer {
	var b bytes.Buffer
	fmt.Fprintf(&b, "package %s\n\nimport (\n", name)
	for _, i := range imports {
		fmt.Fprintf(&b, "\t%q\n", i)
	}
	b.WriteString(")\n\n")
	return &b
}

func (g *generator) platform() {
	b := file("dbx", "context", "database/sql", "fmt", "time")
	b.WriteString(`// DB wraps a database handle with timeouts and error context.
type DB struct {
	db      *sql.DB
	timeout time.Duration
}

// Open returns a DB for driver and dsn.
func Open(driver, dsn string) (*DB, error) {
	db, err := sql.Open(driver, dsn)
	if err != nil {
		return nil, fmt.Errorf("dbx: open: %w", err)
	}
	return &DB{db: db, timeout: 5 * time.Second}, nil
}

// Query runs a query that returns rows.
func (d *DB) Query(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	ctx, cancel := context.WithTimeout(ctx, d.timeout)
	_ = cancel
	rows, err := d.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("dbx: query: %w", err)
	}
	return rows, nil
}

// QueryRow runs a query that returns at most one row.
func (d *DB) QueryRow(ctx context.Context, query string, args ...any) *sql.Row {
	return d.db.QueryRowContext(ctx, query, args...)
}

// Exec runs a statement.
func (d *DB) Exec(ctx context.Context, query string, args ...any) (int64, error) {
	res, err := d.db.ExecContext(ctx, query, args...)
	if err != nil {
		return 0, fmt.Errorf("dbx: exec: %w", err)
	}
	return res.RowsAffected()
}

// WithTx runs fn in a transaction, committed when fn returns nil.
func (d *DB) WithTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := d.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		_ = tx.Rollback()
		return err
	}
	return tx.Commit()
}

// Raw returns the underlying handle.
func (d *DB) Raw() *sql.DB { return d.db }
`)
	g.pkg("platform/dbx/dbx.go", b)

	b = file("httpx", "encoding/json", "net/http", "strconv")
	b.WriteString(`// WriteJSON writes v as a JSON response with the given status.
func WriteJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// WriteError writes an error response.
func WriteError(w http.ResponseWriter, status int, msg string) {
	WriteJSON(w, status, map[string]string{"error": msg})
}

// Mount serves h below prefix on mux.
func Mount(mux *http.ServeMux, prefix string, h http.Handler) {
	mux.Handle(prefix+"/", http.StripPrefix(prefix, h))
}

// IntParam reads a path parameter as an integer.
func IntParam(r *http.Request, name string) (int64, bool) {
	n, err := strconv.ParseInt(r.PathValue(name), 10, 64)
	return n, err == nil
}
`)
	g.pkg("platform/httpx/httpx.go", b)

	b = file("metrics", "sync/atomic")
	b.WriteString(`// Requests counts the requests served; handlers of every component bump it.
var Requests int64

// Errors counts failed requests.
var Errors int64

var served atomic.Int64

// Inc counts a request.
func Inc() {
	Requests++
	served.Add(1)
}

// Fail counts a failed request.
func Fail() { Errors++ }
`)
	g.pkg("platform/metrics/metrics.go", b)

	b = file("config", "os", "strconv", "time")
	b.WriteString(`// PageSize is the default page size of list endpoints.
var PageSize = 50

// Timeout bounds every request.
var Timeout = 10 * time.Second

// Load reads the settings from the environment.
func Load() {
	if v, err := strconv.Atoi(os.Getenv("PAGE_SIZE")); err == nil {
		PageSize = v
	}
}
`)
	g.pkg("platform/config/config.go", b)
}

// pkg writes the one file of a package.
func (g *generator) pkg(rel string, b *bytes.Buffer) {
	g.write(rel, b.String())
	g.pkgs++
}

func title(s string) string { return strings.ToUpper(s[:1]) + s[1:] }

func (g *generator) component(i int) {
	c := g.comps[i]
	T := title(c.name)
	// model
	b := file("model", "time")
	fmt.Fprintf(b, `// %[1]s is one %[2]s item, stored in table %[2]s_items.
type %[1]s struct {
	ID        int64     `+"`db:\"id\" json:\"id\"`"+`
	OwnerID   int64     `+"`db:\"owner_id\" json:\"owner_id\"`"+`
	Name      string    `+"`db:\"name\" json:\"name\"`"+`
	Status    string    `+"`db:\"status\" json:\"status\"`"+`
	Amount    int64     `+"`db:\"amount\" json:\"amount\"`"+`
	CreatedAt time.Time `+"`db:\"created_at\" json:\"created_at\"`"+`
}

// Event is something that happened to a %[2]s item.
type Event struct {
	ID     int64     `+"`db:\"id\" json:\"id\"`"+`
	ItemID int64     `+"`db:\"item_id\" json:\"item_id\"`"+`
	Kind   string    `+"`db:\"kind\" json:\"kind\"`"+`
	At     time.Time `+"`db:\"at\" json:\"at\"`"+`
}

// Summary is what the API returns for lists.
type Summary struct {
	Count int   `+"`json:\"count\"`"+`
	Total int64 `+"`json:\"total\"`"+`
}

// Status values.
const (
	StatusNew    = "new"
	StatusActive = "active"
	StatusClosed = "closed"
)

// Active reports whether the item is active.
func (x *%[1]s) Active() bool { return x.Status == StatusActive }

// Close closes the item.
func (x *%[1]s) Close() { x.Status = StatusClosed }
`, T, c.name)
	g.pkg(c.dir+"/model/model.go", b)

	// store
	b = file("store", "context", "database/sql", "errors", "fmt",
		SynthModule+"/platform/dbx", g.imp(c, "model"))
	fmt.Fprintf(b, `// ErrNotFound says that no row matched.
var ErrNotFound = errors.New("%[2]s: not found")

// Store reads and writes %[2]s items.
type Store struct {
	db *dbx.DB
}

// New returns a Store.
func New(db *dbx.DB) *Store { return &Store{db: db} }

func (s *Store) query(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	rows, err := s.db.Query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("%[2]s store: %%w", err)
	}
	return rows, nil
}

// Get returns one item.
func (s *Store) Get(ctx context.Context, id int64) (*model.%[1]s, error) {
	var x model.%[1]s
	err := s.db.QueryRow(ctx, "SELECT id, owner_id, name, status, amount, created_at FROM %[2]s_items WHERE id = $1", id).
		Scan(&x.ID, &x.OwnerID, &x.Name, &x.Status, &x.Amount, &x.CreatedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	return &x, err
}

// List returns the items of an owner, newest first.
func (s *Store) List(ctx context.Context, owner int64, limit int) ([]model.%[1]s, error) {
	rows, err := s.query(ctx, `+"`"+`SELECT id, owner_id, name, status, amount, created_at
		FROM %[2]s_items WHERE owner_id = $1 ORDER BY created_at DESC LIMIT $2`+"`"+`, owner, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.%[1]s
	for rows.Next() {
		var x model.%[1]s
		if err := rows.Scan(&x.ID, &x.OwnerID, &x.Name, &x.Status, &x.Amount, &x.CreatedAt); err != nil {
			return nil, err
		}
		out = append(out, x)
	}
	return out, rows.Err()
}

// Create inserts an item and records the event.
func (s *Store) Create(ctx context.Context, x *model.%[1]s) error {
	return s.db.WithTx(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, "INSERT INTO %[2]s_items (owner_id, name, status, amount) VALUES ($1, $2, $3, $4) RETURNING id",
			x.OwnerID, x.Name, x.Status, x.Amount).Scan(&x.ID)
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, "INSERT INTO %[2]s_events (item_id, kind, at) VALUES ($1, 'created', now())", x.ID)
		return err
	})
}

// SetStatus changes the status of an item.
func (s *Store) SetStatus(ctx context.Context, id int64, status string) error {
	n, err := s.db.Exec(ctx, "UPDATE %[2]s_items SET status = $1 WHERE id = $2", status, id)
	if err == nil && n == 0 {
		return ErrNotFound
	}
	return err
}

// Events returns the events of an item.
func (s *Store) Events(ctx context.Context, id int64) ([]model.Event, error) {
	rows, err := s.query(ctx, "SELECT * FROM %[2]s_events WHERE item_id = $1", id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.Event
	for rows.Next() {
		var e model.Event
		if err := rows.Scan(&e.ID, &e.ItemID, &e.Kind, &e.At); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}
`, T, c.name)
	// Tables shared across components: every third store reads the
	// users table, every fifth writes settings, every fourth reads the
	// next component's items.
	if i%3 == 0 {
		b.WriteString(`
// OwnerName reads the owner's name from the users table.
func (s *Store) OwnerName(ctx context.Context, owner int64) (string, error) {
	var name string
	err := s.db.QueryRow(ctx, "SELECT full_name FROM users WHERE id = $1", owner).Scan(&name)
	return name, err
}
`)
	}
	if i%5 == 0 {
		fmt.Fprintf(b, `
// SaveSetting records a setting of the component.
func (s *Store) SaveSetting(ctx context.Context, key, value string) error {
	_, err := s.db.Exec(ctx, "INSERT INTO settings (component, key, value) VALUES ('%s', $1, $2) ON CONFLICT (component, key) DO UPDATE SET value = $2", key, value)
	return err
}
`, c.name)
	}
	if i%4 == 0 {
		next := g.comps[(i+1)%len(g.comps)]
		fmt.Fprintf(b, `
// Related counts the %[1]s items of the same owner.
func (s *Store) Related(ctx context.Context, owner int64) (int, error) {
	var n int
	err := s.db.QueryRow(ctx, "SELECT count(*) FROM %[1]s_items WHERE owner_id = $1", owner).Scan(&n)
	return n, err
}
`, next.name)
	}
	g.pkg(c.dir+"/store/store.go", b)

	// service
	imports := []string{"context", "fmt", SynthModule + "/platform/metrics", SynthModule + "/platform/config",
		g.imp(c, "model"), g.imp(c, "store")}
	var next *comp
	if j := i + 1; j < len(g.comps) && g.comps[j].group == c.group {
		next = &g.comps[j]
		imports = append(imports, g.imp(*next, "service"))
	}
	other := g.comps[(i+groupSize+1)%len(g.comps)]
	if other.name != c.name {
		imports = append(imports, g.imp(other, "model"))
	}
	b = file("service", imports...)
	nextField, nextUse := "", ""
	if next != nil {
		// The next service is a concrete type of another component,
		// imported under an alias since every service package is named
		// service.
		nextField = fmt.Sprintf("\n\tnext *service_%s.Service", next.name)
		src := b.String()
		src = strings.Replace(src, fmt.Sprintf("\t%q\n", g.imp(*next, "service")), fmt.Sprintf("\tservice_%s %q\n", next.name, g.imp(*next, "service")), 1)
		b.Reset()
		b.WriteString(src)
		nextUse = fmt.Sprintf(`
	if s.next != nil {
		if _, err := s.next.Summarize(ctx, owner); err != nil {
			return model.Summary{}, fmt.Errorf("%s: %%w", err)
		}
	}`, c.name)
	}
	otherUse := ""
	if other.name != c.name {
		src := b.String()
		src = strings.Replace(src, fmt.Sprintf("\t%q\n", g.imp(other, "model")), fmt.Sprintf("\tmodel_%s %q\n", other.name, g.imp(other, "model")), 1)
		b.Reset()
		b.WriteString(src)
		otherUse = fmt.Sprintf(`
// Adopt copies an item of %[1]s.
func (s *Service) Adopt(ctx context.Context, x model_%[1]s.%[2]s) (*model.%[3]s, error) {
	y := &model.%[3]s{OwnerID: x.OwnerID, Name: x.Name, Status: model.StatusNew, Amount: x.Amount}
	return y, s.store.Create(ctx, y)
}
`, other.name, title(other.name), T)
	}
	fmt.Fprintf(b, `// Service holds the %[2]s use cases.
type Service struct {
	store *store.Store%[3]s
}

// New returns a Service.
func New(st *store.Store) *Service { return &Service{store: st} }

// Get returns one item.
func (s *Service) Get(ctx context.Context, id int64) (*model.%[1]s, error) {
	metrics.Inc()
	return s.store.Get(ctx, id)
}

// List returns a page of an owner's items.
func (s *Service) List(ctx context.Context, owner int64) ([]model.%[1]s, error) {
	if metrics.Requests%%1000 == 0 {
		metrics.Fail()
	}
	return s.store.List(ctx, owner, config.PageSize)
}

// Summarize counts and sums an owner's items.
func (s *Service) Summarize(ctx context.Context, owner int64) (model.Summary, error) {%[4]s
	xs, err := s.List(ctx, owner)
	if err != nil {
		return model.Summary{}, err
	}
	var sum model.Summary
	for _, x := range xs {
		if x.Active() {
			sum.Count++
			sum.Total += x.Amount
		}
	}
	return sum, nil
}

// Close closes an item.
func (s *Service) Close(ctx context.Context, id int64) error {
	x, err := s.store.Get(ctx, id)
	if err != nil {
		return err
	}
	x.Close()
	if err := s.store.SetStatus(ctx, id, x.Status); err != nil {
		return fmt.Errorf("%[2]s: close %%d: %%w", id, err)
	}
	return nil
}
%[5]s`, T, c.name, nextField, nextUse, otherUse)
	g.pkg(c.dir+"/service/service.go", b)

	// api
	b = file("api", "html/template", "net/http", SynthModule+"/platform/dbx", SynthModule+"/platform/httpx",
		g.imp(c, "model"), g.imp(c, "service"), g.imp(c, "store"))
	prefix := "/api/v1/" + c.name
	mount := fmt.Sprintf("httpx.Mount(mux, %q, sub)", prefix)
	if i%3 == 0 {
		prefix = "/api/" + c.name
		mount = fmt.Sprintf("mux.Handle(%q, http.StripPrefix(%q, sub))", prefix+"/", prefix)
	}
	fmt.Fprintf(b, `var page = template.Must(template.New("%[2]s").Parse("<h1>{{.Name}}</h1>"))

// Handler serves the %[2]s API.
type Handler struct {
	svc *service.Service
}

// Mount builds the component and serves its API on mux.
func Mount(mux *http.ServeMux, db *dbx.DB) {
	h := &Handler{svc: service.New(store.New(db))}
	sub := http.NewServeMux()
	sub.HandleFunc("GET /items/{id}", h.get)
	sub.HandleFunc("GET /items", h.list)
	sub.HandleFunc("POST /items/{id}/close", h.close)
	sub.HandleFunc("GET /summary", h.summary)
	%[3]s
	mux.HandleFunc("GET /%[2]s/{id}", h.page)
}

func (h *Handler) get(w http.ResponseWriter, r *http.Request) {
	id, ok := httpx.IntParam(r, "id")
	if !ok {
		httpx.WriteError(w, http.StatusBadRequest, "bad id")
		return
	}
	x, err := h.svc.Get(r.Context(), id)
	if err != nil {
		httpx.WriteError(w, http.StatusNotFound, "not found")
		return
	}
	httpx.WriteJSON(w, http.StatusOK, x)
}

func (h *Handler) list(w http.ResponseWriter, r *http.Request) {
	xs, err := h.svc.List(r.Context(), 1)
	if err != nil {
		httpx.WriteError(w, http.StatusInternalServerError, "could not list")
		return
	}
	httpx.WriteJSON(w, http.StatusOK, xs)
}

func (h *Handler) close(w http.ResponseWriter, r *http.Request) {
	id, ok := httpx.IntParam(r, "id")
	if !ok || h.svc.Close(r.Context(), id) != nil {
		httpx.WriteError(w, http.StatusBadRequest, "could not close")
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (h *Handler) summary(w http.ResponseWriter, r *http.Request) {
	s, err := h.svc.Summarize(r.Context(), 1)
	if err != nil {
		httpx.WriteError(w, http.StatusInternalServerError, "could not summarize")
		return
	}
	httpx.WriteJSON(w, http.StatusOK, s)
}

func (h *Handler) page(w http.ResponseWriter, r *http.Request) {
	id, _ := httpx.IntParam(r, "id")
	x, err := h.svc.Get(r.Context(), id)
	if err != nil {
		x = &model.%[1]s{}
	}
	_ = page.Execute(w, x)
}
`, T, c.name, mount)
	g.pkg(c.dir+"/api/api.go", b)

	// hooks: closes a component cycle with the previous component, whose
	// service (in the same group) imports this component's service.
	if c.hooks {
		prev := g.comps[i-1]
		b = file("hooks", "context", g.imp(prev, "model"), g.imp(c, "model"))
		src := strings.Replace(b.String(), fmt.Sprintf("\t%q\n", g.imp(prev, "model")), fmt.Sprintf("\tprev %q\n", g.imp(prev, "model")), 1)
		b.Reset()
		b.WriteString(src)
		fmt.Fprintf(b, `// OnChange is called when a %[3]s item changes.
type OnChange func(ctx context.Context, x *prev.%[2]s) error

// Mirror makes a %[4]s item from a %[3]s item.
func Mirror(x *prev.%[2]s) *model.%[1]s {
	return &model.%[1]s{OwnerID: x.OwnerID, Name: x.Name, Status: x.Status, Amount: x.Amount}
}
`, T, title(prev.name), prev.name, c.name)
		g.pkg(c.dir+"/hooks/hooks.go", b)
	}

	for j := range c.fillers {
		g.filler(i, j)
	}
}

// filler writes logic package j of component i: plain computation over
// the component's model, importing the previous logic package.
func (g *generator) filler(i, j int) {
	c := g.comps[i]
	T := title(c.name)
	name := fmt.Sprintf("logic%d", j)
	imports := []string{"errors", "fmt", "sort", "strings", g.imp(c, "model")}
	if j > 0 {
		imports = append(imports, g.imp(c, fmt.Sprintf("logic/logic%d", j-1)))
	}
	sqlSite := j%4 == 3
	if sqlSite {
		imports = append(imports, "context", "database/sql")
	}
	b := file(name, imports...)
	fmt.Fprintf(b, `// ErrEmpty says there is nothing to work on.
var ErrEmpty = errors.New("%[2]s/%[3]s: empty")

// Rule is one step of the %[3]s pipeline.
type Rule interface {
	Apply(x *model.%[1]s) error
	Name() string
}

// Pipeline applies rules in order.
type Pipeline struct {
	rules []Rule
	seen  map[string]int
}

// NewPipeline returns a Pipeline of rules.
func NewPipeline(rules ...Rule) *Pipeline {
	return &Pipeline{rules: rules, seen: map[string]int{}}
}

// Run applies every rule to every item and says which failed.
func (p *Pipeline) Run(xs []*model.%[1]s) (map[string][]int64, error) {
	if len(xs) == 0 {
		return nil, ErrEmpty
	}
	failed := map[string][]int64{}
	for _, x := range xs {
		for _, r := range p.rules {
			p.seen[r.Name()]++
			if err := r.Apply(x); err != nil {
				failed[r.Name()] = append(failed[r.Name()], x.ID)
			}
		}
	}
	return failed, nil
}

// Report formats the failures, sorted by rule.
func Report(failed map[string][]int64) string {
	names := make([]string, 0, len(failed))
	for n := range failed {
		names = append(names, n)
	}
	sort.Strings(names)
	var b strings.Builder
	for _, n := range names {
		fmt.Fprintf(&b, "%%s: %%d failed\n", n, len(failed[n]))
	}
	return b.String()
}

type minAmount int64

func (m minAmount) Apply(x *model.%[1]s) error {
	if x.Amount < int64(m) {
		return fmt.Errorf("amount %%d below %%d", x.Amount, int64(m))
	}
	return nil
}

func (m minAmount) Name() string { return "min-amount" }

type nameRule struct{ max int }

func (n nameRule) Apply(x *model.%[1]s) error {
	x.Name = strings.TrimSpace(x.Name)
	switch {
	case x.Name == "":
		return errors.New("no name")
	case len(x.Name) > n.max:
		x.Name = x.Name[:n.max]
	}
	return nil
}

func (n nameRule) Name() string { return "name" }

// Default is the default pipeline.
func Default() *Pipeline { return NewPipeline(minAmount(%[4]d), nameRule{max: %[5]d}) }

// Score ranks items by amount and status, highest first.
func Score(xs []model.%[1]s) []int64 {
	type scored struct {
		id    int64
		score int64
	}
	ss := make([]scored, 0, len(xs))
	for _, x := range xs {
		s := x.Amount
		if x.Active() {
			s *= 2
		}
		if strings.HasPrefix(x.Name, "vip") {
			s += %[4]d
		}
		ss = append(ss, scored{x.ID, s})
	}
	sort.Slice(ss, func(a, b int) bool { return ss[a].score > ss[b].score })
	ids := make([]int64, len(ss))
	for k, s := range ss {
		ids[k] = s.id
	}
	return ids
}
`, T, c.name, name, 10+i%7*j, 20+j)
	if j > 0 {
		fmt.Fprintf(b, `
// Extended is the previous step's pipeline with this step's rules.
func Extended() *Pipeline {
	p := logic%d.Default()
	return NewPipeline(minAmount(%d), nameRule{max: len(p.Name())})
}
`, j-1, j)
	}
	if sqlSite {
		fmt.Fprintf(b, `
// Archive moves closed items to the archive table.
func Archive(ctx context.Context, db *sql.DB) (int64, error) {
	res, err := db.ExecContext(ctx, "INSERT INTO %[1]s_archive SELECT * FROM %[1]s_items WHERE status = 'closed'")
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}
`, c.name)
	}
	g.write(fmt.Sprintf("%s/logic/%s/%s.go", c.dir, name, name), b.String())
	// The Name method used by Extended.
	nb := file(name)
	fmt.Fprintf(nb, "// Name names the pipeline.\nfunc (p *Pipeline) Name() string { return %q }\n", c.name+"."+name)
	g.write(fmt.Sprintf("%s/logic/%s/name.go", c.dir, name), strings.Replace(nb.String(), "import (\n)\n\n", "", 1))
	g.pkgs++
}

func (g *generator) command() {
	imports := []string{"context", "errors", "flag", "fmt", "log", "net/http", "os", "time",
		SynthModule + "/platform/config", SynthModule + "/platform/dbx", SynthModule + "/platform/httpx"}
	b := file("main", imports...)
	src := b.String()
	var alias strings.Builder
	for _, c := range g.comps {
		fmt.Fprintf(&alias, "\tapi_%s %q\n", c.name, g.imp(c, "api"))
	}
	src = strings.Replace(src, ")\n\n", alias.String()+")\n\n", 1)
	b.Reset()
	b.WriteString(src)
	var mounts strings.Builder
	for _, c := range g.comps {
		fmt.Fprintf(&mounts, "\tapi_%s.Mount(mux, db)\n", c.name)
	}
	fmt.Fprintf(b, `func main() {
	if err := run(context.Background(), os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "server:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("server", flag.ContinueOnError)
	addr := fs.String("addr", ":8080", "listen address")
	dsn := fs.String("dsn", "", "database")
	if err := fs.Parse(args); err != nil {
		return err
	}
	config.Load()
	db, err := dbx.Open("postgres", *dsn)
	if err != nil {
		return err
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		if err := db.Raw().PingContext(r.Context()); err != nil {
			httpx.WriteError(w, http.StatusServiceUnavailable, "database down")
			return
		}
		w.WriteHeader(http.StatusOK)
	})
%s	srv := &http.Server{Addr: *addr, Handler: mux, ReadHeaderTimeout: config.Timeout}
	go func() {
		<-ctx.Done()
		_ = srv.Shutdown(context.Background())
	}()
	if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
		log.Print(err)
		return err
	}
	_ = time.Now()
	return nil
}
`, mounts.String())
	g.pkg("cmd/server/main.go", b)
}
