package bench

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/exec"
	"time"

	"connectrpc.com/connect"
	"github.com/jackc/pgx/v5/pgxpool"
	"google.golang.org/protobuf/types/known/structpb"

	"github.com/heraldhq/herald/cmd/herald/internal/app"
	heraldv1 "github.com/heraldhq/herald/gen/herald/v1"
	"github.com/heraldhq/herald/gen/herald/v1/heraldv1connect"
	"github.com/heraldhq/herald/jobs"
	"github.com/heraldhq/herald/store"
)

// herald is the Herald under test and the bench's clients for it.
type herald struct {
	mode          string
	url           string
	key           string
	pid           int
	cmd           *exec.Cmd
	app           *app.App
	workers       int
	fetchCooldown time.Duration
	poolSize      int

	pool          *pgxpool.Pool // the bench's own connections, for setup and polling
	tenantID      string
	notifications heraldv1connect.NotificationServiceClient
	recipients    heraldv1connect.RecipientServiceClient
	messageTypes  heraldv1connect.MessageTypeServiceClient
}

// heraldEnv is the configuration the Herald under test runs with.
func heraldEnv(cfg Config, dbURL, addr, key string) map[string]string {
	env := map[string]string{
		"HERALD_DATABASE_URL":          dbURL,
		"HERALD_ADDR":                  addr,
		"HERALD_BOOTSTRAP_API_KEY":     key,
		"HERALD_WEBHOOK_ALLOW_PRIVATE": "true",
		"HERALD_LOG_LEVEL":             "warn",
	}
	for k, v := range cfg.Env {
		env[k] = v
	}
	return env
}

// settings reads the lane and pool sizes Herald will run with, so the
// baselines use the same.
func settings(env map[string]string) (app.Config, int, time.Duration, error) {
	c, err := app.ConfigFromEnv(func(k string) string { return env[k] })
	if err != nil {
		return c, 0, 0, err
	}
	q := jobs.Queues(app.QueueOptions(c))[jobs.DeliverQueue(store.PriorityNormal, store.ChannelWebhook)]
	return c, q.MaxWorkers, q.FetchCooldown, nil
}

func startHerald(ctx context.Context, cfg Config, dbURL string, ready func(*herald) error) (*herald, error) {
	keyBytes := make([]byte, 24)
	_, _ = rand.Read(keyBytes)
	h := &herald{key: "bench-" + hex.EncodeToString(keyBytes)}
	addr, err := freeAddr()
	if err != nil {
		return nil, err
	}
	env := heraldEnv(cfg, dbURL, addr, h.key)
	c, workers, cooldown, err := settings(env)
	if err != nil {
		return nil, fmt.Errorf("herald configuration: %w", err)
	}
	h.workers, h.fetchCooldown, h.poolSize = workers, cooldown, int(c.DBMaxConns)

	// Baselines first, on the migrated but idle database.
	if err := store.EnsureDatabase(ctx, dbURL); err != nil {
		return nil, err
	}
	h.pool, err = pgxpool.New(ctx, dbURL)
	if err != nil {
		return nil, err
	}
	if err := store.Migrate(ctx, h.pool); err != nil {
		return nil, err
	}
	if ready != nil {
		if err := ready(h); err != nil {
			return nil, err
		}
	}

	if cfg.HeraldBinary != "" {
		h.mode = "child process"
		h.cmd = exec.CommandContext(ctx, cfg.HeraldBinary, "serve")
		h.cmd.Env = os.Environ()
		for k, v := range env {
			h.cmd.Env = append(h.cmd.Env, k+"="+v)
		}
		h.cmd.Stderr = os.Stderr
		if err := h.cmd.Start(); err != nil {
			return nil, fmt.Errorf("start %s serve: %w", cfg.HeraldBinary, err)
		}
		h.pid = h.cmd.Process.Pid
	} else {
		h.mode = "in process (CPU and RSS include the bench)"
		h.app, err = app.New(ctx, c, &app.Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
		if err != nil {
			return nil, err
		}
		if err := h.app.Start(ctx); err != nil {
			return nil, err
		}
	}
	h.url = "http://" + addr
	if err := h.waitReady(ctx); err != nil {
		h.stop(ctx)
		return nil, err
	}
	transport := &http.Transport{MaxIdleConns: 1024, MaxIdleConnsPerHost: 1024, MaxConnsPerHost: 0, IdleConnTimeout: time.Minute}
	client := &http.Client{Transport: transport, Timeout: 2 * time.Minute}
	opts := connect.WithInterceptors(bearer(h.key))
	h.notifications = heraldv1connect.NewNotificationServiceClient(client, h.url, opts)
	h.recipients = heraldv1connect.NewRecipientServiceClient(client, h.url, opts)
	h.messageTypes = heraldv1connect.NewMessageTypeServiceClient(client, h.url, opts)
	if err := h.pool.QueryRow(ctx, "SELECT id::text FROM tenants WHERE name = 'default'").Scan(&h.tenantID); err != nil {
		return nil, fmt.Errorf("bench tenant: %w", err)
	}
	return h, nil
}

func (h *herald) waitReady(ctx context.Context) error {
	deadline := time.Now().Add(time.Minute)
	for time.Now().Before(deadline) {
		resp, err := http.Get(h.url + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
		if h.cmd != nil && h.cmd.ProcessState != nil {
			return errors.New("herald exited before it was ready")
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(100 * time.Millisecond):
		}
	}
	return errors.New("herald was not ready within a minute")
}

func (h *herald) stop(ctx context.Context) {
	switch {
	case h.cmd != nil && h.cmd.Process != nil:
		_ = h.cmd.Process.Signal(os.Interrupt)
		done := make(chan struct{})
		go func() { _ = h.cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(30 * time.Second):
			_ = h.cmd.Process.Kill()
		}
	case h.app != nil:
		shutdownCtx, cancel := context.WithTimeout(ctx, 30*time.Second)
		_ = h.app.Shutdown(shutdownCtx)
		cancel()
	}
	if h.pool != nil {
		h.pool.Close()
	}
}

// meter measures the Herald process.
func (h *herald) meter() *meter { return newMeter(h.pid) }

// messageType declares a webhook message type at priority p.
func (h *herald) messageType(ctx context.Context, key string, p heraldv1.Priority) error {
	_, err := h.messageTypes.UpsertMessageType(ctx, connect.NewRequest(&heraldv1.UpsertMessageTypeRequest{MessageType: &heraldv1.MessageType{
		Key: key, Category: "bench", Priority: p, Channels: []heraldv1.Channel{heraldv1.Channel_CHANNEL_WEBHOOK},
		Templates: &heraldv1.Templates{Webhook: &heraldv1.WebhookTemplate{Body: "bench {{.i}}"}},
	}}))
	return err
}

// addRecipients writes n recipients named prefix0..prefixN-1 whose
// webhook is url, straight into the database (setup, not measured).
func (h *herald) addRecipients(ctx context.Context, prefix string, n int, url string) ([]string, error) {
	ids := make([]string, n)
	for i := range ids {
		ids[i] = fmt.Sprintf("%s%d", prefix, i)
	}
	_, err := h.pool.Exec(ctx, `INSERT INTO recipients (tenant_id, id, webhook_url)
		SELECT $1, id, $3 FROM unnest($2::text[]) AS id ON CONFLICT (tenant_id, id) DO UPDATE SET webhook_url = excluded.webhook_url`,
		h.tenantID, ids, url)
	return ids, err
}

func data(i int) *structpb.Struct {
	s, _ := structpb.NewStruct(map[string]any{"i": i})
	return s
}

func bearer(key string) connect.Interceptor {
	return connect.UnaryInterceptorFunc(func(next connect.UnaryFunc) connect.UnaryFunc {
		return func(ctx context.Context, req connect.AnyRequest) (connect.AnyResponse, error) {
			req.Header().Set("Authorization", "Bearer "+key)
			return next(ctx, req)
		}
	})
}

func freeAddr() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer ln.Close()
	return ln.Addr().String(), nil
}

// jsonString renders v for logs.
func jsonString(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
