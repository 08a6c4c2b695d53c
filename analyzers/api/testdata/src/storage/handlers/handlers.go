package handlers

import (
	"context"
	"database/sql"
	"encoding/json"
	"net/http"
	"os"

	"storage/database"
	"storage/httpx"
	"storage/model"
	"storage/response"
	"storage/store"
)

type api struct{ db *sql.DB }

// One decision for the package (the component, in the audit): the
// models it encodes are listed, every site is a related location.
func (a *api) get(w http.ResponseWriter, r *http.Request) {
	o, _ := store.Get(a.db, 1)
	httpx.JSON(w, 200, o) // want `component storage encodes 4 database models directly as JSON responses at 5 sites: store.Order, model.BookmarkDTO, model.Tag, store.Tagged`
}

func (a *api) list(w http.ResponseWriter, r *http.Request) {
	httpx.JSON(w, 200, map[string]any{"orders": []store.Order{}}) // same decision: a related location
	httpx.JSON(w, 200, store.View{ID: 1})
	_ = json.NewEncoder(w).Encode(&store.Tagged{})
}

func (a *api) bookmark(ctx context.Context, w http.ResponseWriter, r *http.Request) {
	b, _ := database.Bookmark(a.db, 1)
	_ = response.SendJSON(ctx, w, 200, b)                    // encoded through the envelope
	_ = response.SendJSON(ctx, w, 200, []model.Tag{{ID: 1}}) // db tags alone
	response.Log(ctx, b)
}

func export(o *store.Order) {
	_ = json.NewEncoder(os.Stdout).Encode(o)
	b, _ := json.Marshal(o)
	_ = b
}
