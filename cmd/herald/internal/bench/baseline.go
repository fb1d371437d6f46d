package bench

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
)

// measureBaselines measures raw River on the bench database, as
// DEPENDENCIES.md defines it. Raw Postgres runs in rounds with the single
// scenario (pgBaseline).
func measureBaselines(ctx context.Context, dbURL string, cfg Config, h *herald) (Baselines, error) {
	var b Baselines
	var err error
	if b.RiverInsertTxPerSec, err = riverNoops(ctx, dbURL, cfg.N, cfg.Concurrency, h, false); err != nil {
		return b, err
	}
	if b.RiverInsertManyPerSec, err = riverNoops(ctx, dbURL, cfg.N*5, cfg.Concurrency, h, true); err != nil {
		return b, err
	}
	return b, nil
}

// pgBaseline is raw Postgres as DEPENDENCIES.md defines it: one-row insert
// transactions (a row with a unique tenant + idempotency key and a jsonb
// payload) from c clients, on a warm pool of its own. It runs in rounds
// between Herald's so that a slow spell of a shared machine falls on both.
type pgBaseline struct {
	pool   *pgxpool.Pool
	c      int
	rounds []float64 // transactions per second, in the order run
}

func openPGBaseline(ctx context.Context, dbURL string, c int) (*pgBaseline, error) {
	pool, err := poolOf(ctx, dbURL, c)
	if err != nil {
		return nil, err
	}
	if _, err := pool.Exec(ctx, `CREATE TABLE bench_pg_inserts (
		tenant_id uuid NOT NULL, idempotency_key text NOT NULL, payload jsonb NOT NULL,
		created_at timestamptz NOT NULL DEFAULT now(), UNIQUE (tenant_id, idempotency_key))`); err != nil {
		pool.Close()
		return nil, err
	}
	if err := warmPool(ctx, pool, c); err != nil {
		pool.Close()
		return nil, err
	}
	return &pgBaseline{pool: pool, c: c}, nil
}

// round runs n transactions, as a tenant of its own, and records their
// rate.
func (b *pgBaseline) round(ctx context.Context, n int) error {
	tenant := uuid.New()
	start := time.Now()
	err := parallel(ctx, n, b.c, func(i int) error {
		return pgx.BeginFunc(ctx, b.pool, func(tx pgx.Tx) error {
			_, err := tx.Exec(ctx, `INSERT INTO bench_pg_inserts (tenant_id, idempotency_key, payload) VALUES ($1, $2, $3)`,
				tenant, fmt.Sprint("key-", i), map[string]any{"messageType": "bench", "recipientIds": []string{"r"}, "i": i})
			return err
		})
	})
	if err != nil {
		return fmt.Errorf("postgres baseline: %w", err)
	}
	b.rounds = append(b.rounds, float64(n)/time.Since(start).Seconds())
	return nil
}

func (b *pgBaseline) close() { b.pool.Close() }

type noopArgs struct {
	I int `json:"i"`
}

func (noopArgs) Kind() string { return "bench_noop" }

type noopWorker struct {
	river.WorkerDefaults[noopArgs]
	done *atomic.Int64
	all  chan struct{}
	n    int64
}

func (w *noopWorker) Work(context.Context, *river.Job[noopArgs]) error {
	if w.done.Add(1) == w.n {
		close(w.all)
	}
	return nil
}

// riverNoops inserts n no-op jobs — each in its own transaction from c
// clients, or in InsertMany batches of 1000 — and works them with Herald's
// worker count, fetch cooldown and pool size; it returns jobs inserted and
// completed per second.
func riverNoops(ctx context.Context, dbURL string, n, c int, h *herald, many bool) (float64, error) {
	pool, err := poolOf(ctx, dbURL, h.poolSize)
	if err != nil {
		return 0, err
	}
	defer pool.Close()
	w := &noopWorker{done: &atomic.Int64{}, all: make(chan struct{}), n: int64(n)}
	workers := river.NewWorkers()
	river.AddWorker(workers, w)
	queue := "bench_noop"
	// Timing as jobs.Configure sets Herald's: the lane's cooldown for
	// fetches, River's least for the client (its insert notifications).
	client, err := river.NewClient(riverpgxv5.New(pool), &river.Config{
		Workers: workers, FetchCooldown: river.FetchCooldownMin, FetchPollInterval: time.Second,
		Queues: map[string]river.QueueConfig{queue: {MaxWorkers: h.workers, FetchCooldown: h.fetchCooldown}},
	})
	if err != nil {
		return 0, err
	}
	if err := client.Start(ctx); err != nil {
		return 0, err
	}
	defer client.Stop(context.WithoutCancel(ctx)) //nolint:errcheck // best effort
	if err := warmPool(ctx, pool, c); err != nil {
		return 0, err
	}
	start := time.Now()
	opts := &river.InsertOpts{Queue: queue}
	if many {
		batch := make([]river.InsertManyParams, 0, 1000)
		for i := range n {
			batch = append(batch, river.InsertManyParams{Args: noopArgs{I: i}, InsertOpts: opts})
			if len(batch) == cap(batch) || i == n-1 {
				if _, err := client.InsertMany(ctx, batch); err != nil {
					return 0, err
				}
				batch = batch[:0]
			}
		}
	} else {
		err = parallel(ctx, n, c, func(i int) error {
			return pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error {
				_, err := client.InsertTx(ctx, tx, noopArgs{I: i}, opts)
				return err
			})
		})
		if err != nil {
			return 0, err
		}
	}
	select {
	case <-w.all:
	case <-time.After(5 * time.Minute):
		return 0, fmt.Errorf("river baseline: %d of %d jobs worked", w.done.Load(), n)
	}
	return float64(n) / time.Since(start).Seconds(), nil
}

func poolOf(ctx context.Context, dbURL string, size int) (*pgxpool.Pool, error) {
	pc, err := pgxpool.ParseConfig(dbURL)
	if err != nil {
		return nil, err
	}
	pc.MaxConns = int32(size)
	return pgxpool.NewWithConfig(ctx, pc)
}

// warmPool opens c of pool's connections before the clock starts, as
// Herald's are open before its phases start.
func warmPool(ctx context.Context, pool *pgxpool.Pool, c int) error {
	return parallel(ctx, c, c, func(int) error {
		conn, err := pool.Acquire(ctx)
		if err != nil {
			return err
		}
		defer conn.Release()
		// Held until the others are open too, so that c are.
		time.Sleep(10 * time.Millisecond)
		return conn.Ping(ctx)
	})
}

// parallel runs f(0..n-1) on c goroutines and returns the first error.
func parallel(ctx context.Context, n, c int, f func(i int) error) error {
	var (
		next    atomic.Int64
		wg      sync.WaitGroup
		errOnce sync.Once
		first   error
	)
	for range c {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= n || ctx.Err() != nil {
					return
				}
				if err := f(i); err != nil {
					errOnce.Do(func() { first = err })
					return
				}
			}
		})
	}
	wg.Wait()
	return first
}
