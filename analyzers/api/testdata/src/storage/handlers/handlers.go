package handlers

import (
	"database/sql"
	"encoding/json"
	"net/http"
	"os"

	"storage/httpx"
	"storage/store"
)

type api struct{ db *sql.DB }

func (a *api) get(w http.ResponseWriter, r *http.Request) {
	o, _ := store.Get(a.db, 1)
	httpx.JSON(w, 200, o) // want `store.Order, a database model \(rows scanned into its fields\), is encoded directly as a JSON response`
}

func (a *api) list(w http.ResponseWriter, r *http.Request) {
	httpx.JSON(w, 200, map[string]any{"orders": []store.Order{}}) // (same type: related to the first site)
	httpx.JSON(w, 200, store.View{ID: 1})
	_ = json.NewEncoder(w).Encode(&store.Tagged{}) // want `store.Tagged, a database model \(db struct tags\), is encoded directly as a JSON response`
}

func export(o *store.Order) {
	_ = json.NewEncoder(os.Stdout).Encode(o)
	b, _ := json.Marshal(o)
	_ = b
}
