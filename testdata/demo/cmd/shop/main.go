package main

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"example.com/shop/billing"
	"example.com/shop/billing/refunds"
	"example.com/shop/catalog"
	"example.com/shop/orders"
	"example.com/shop/platform/config"
	"example.com/shop/platform/db"
	"example.com/shop/users"
	"example.com/shop/web"
)

// Note: this package does not import a database driver. The deployment build
// links one in (the release image adds a driver registration file at build
// time) and -db-driver selects it by name.

func main() {
	if err := run(context.Background(), os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "shop:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string) error {
	cfg, err := config.Load(args)
	if err != nil {
		return err
	}
	log := slog.New(slog.NewJSONHandler(os.Stdout, nil))

	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()

	sqlDB, err := sql.Open(cfg.DBDriver, cfg.DSN)
	if err != nil {
		return fmt.Errorf("open database: %w", err)
	}
	defer sqlDB.Close()
	sqlDB.SetMaxOpenConns(20)
	sqlDB.SetMaxIdleConns(5)
	sqlDB.SetConnMaxLifetime(30 * time.Minute)

	if err := db.EnsureSchema(ctx, sqlDB); err != nil {
		return err
	}

	billing.DefaultCurrency = cfg.Currency

	cat := catalog.NewStore(sqlDB)
	orderSvc := orders.NewService(sqlDB, cat, billing.NewStore(sqlDB), log)
	userHandler := users.NewHandler(users.NewStore(sqlDB), log)
	refundSvc := refunds.NewService(sqlDB, orderSvc, log)

	site, err := web.NewServer(sqlDB, cat, orderSvc, userHandler, log)
	if err != nil {
		return err
	}
	mux := http.NewServeMux()
	site.Register(mux)
	refunds.RegisterRoutes(mux, refundSvc)

	go refreshFeaturedNightly(ctx, cat, cfg.FeaturedCount, log)

	srv := &http.Server{
		Addr:              cfg.Addr,
		Handler:           site.Instrument(mux),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      30 * time.Second,
	}
	errc := make(chan error, 1)
	go func() {
		log.Info("listening", "addr", cfg.Addr)
		errc <- srv.ListenAndServe()
	}()

	select {
	case err := <-errc:
		if !errors.Is(err, http.ErrServerClosed) {
			return fmt.Errorf("serve: %w", err)
		}
		return nil
	case <-ctx.Done():
	}

	log.Info("shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), cfg.ShutdownGrace)
	defer cancel()
	return srv.Shutdown(shutdownCtx)
}

// refreshFeaturedNightly re-picks the featured products every night at 03:00
// local time until ctx is cancelled.
func refreshFeaturedNightly(ctx context.Context, cat *catalog.Store, n int, log *slog.Logger) {
	for {
		now := time.Now()
		next := time.Date(now.Year(), now.Month(), now.Day(), 3, 0, 0, 0, now.Location())
		if !next.After(now) {
			next = next.AddDate(0, 0, 1)
		}
		t := time.NewTimer(time.Until(next))
		select {
		case <-ctx.Done():
			t.Stop()
			return
		case <-t.C:
		}
		if err := cat.RefreshFeatured(ctx, n); err != nil {
			log.ErrorContext(ctx, "refresh featured products", "err", err)
			continue
		}
		log.InfoContext(ctx, "featured products refreshed", "count", n)
	}
}
