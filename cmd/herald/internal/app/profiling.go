package app

import (
	"cmp"
	"context"
	"log/slog"
	"net/http"
	"net/http/pprof"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
)

// servePprof serves net/http/pprof on addr (HERALD_PPROF_ADDR), apart from
// the API port so profiles are never reachable by API clients. Close the
// returned server to stop it.
func servePprof(addr string, logger *slog.Logger) *http.Server {
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/cmdline", pprof.Cmdline)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
	srv := &http.Server{Addr: addr, Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		if err := srv.ListenAndServe(); err != nil && err != http.ErrServerClosed {
			logger.Warn("pprof server stopped", "addr", addr, "error", err)
		}
	}()
	return srv
}

// sqlStats is a pgx tracer that adds up time per statement
// (HERALD_DEBUG_SQL): which queries a run spends its database time on,
// logged at shutdown. It costs a map update per query, so it is off by
// default.
type sqlStats struct {
	mu    sync.Mutex
	stats map[string]*sqlStat
}

type sqlStat struct {
	calls int
	total time.Duration
}

type sqlStartKey struct{}

type sqlStart struct {
	at  time.Time
	sql string
}

func newSQLStats() *sqlStats { return &sqlStats{stats: map[string]*sqlStat{}} }

// TraceQueryStart implements pgx.QueryTracer.
func (s *sqlStats) TraceQueryStart(ctx context.Context, _ *pgx.Conn, d pgx.TraceQueryStartData) context.Context {
	return context.WithValue(ctx, sqlStartKey{}, sqlStart{at: time.Now(), sql: d.SQL})
}

// TraceQueryEnd implements pgx.QueryTracer.
func (s *sqlStats) TraceQueryEnd(ctx context.Context, _ *pgx.Conn, _ pgx.TraceQueryEndData) {
	start, ok := ctx.Value(sqlStartKey{}).(sqlStart)
	if !ok {
		return
	}
	key := strings.Join(strings.Fields(start.sql), " ")
	if len(key) > 120 {
		key = key[:120]
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.stats[key]
	if st == nil {
		st = &sqlStat{}
		s.stats[key] = st
	}
	st.calls++
	st.total += time.Since(start.at)
}

// log writes the statements that took the most time, at most top of them.
func (s *sqlStats) log(logger *slog.Logger, top int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	keys := make([]string, 0, len(s.stats))
	for k := range s.stats {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int { return cmp.Compare(s.stats[b].total, s.stats[a].total) })
	for _, k := range keys[:min(top, len(keys))] {
		st := s.stats[k]
		logger.Info("sql time", "statement", k, "calls", st.calls, "total_ms", st.total.Milliseconds(),
			"per_call_ms", float64(st.total)/float64(time.Millisecond)/float64(st.calls))
	}
}
