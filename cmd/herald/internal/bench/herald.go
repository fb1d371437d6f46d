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
	"slices"
	"sync"
	"time"

	"connectrpc.com/connect"
	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
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
	procs         []*exec.Cmd // child processes: one, or an API and WorkerProcs workers
	probes        []string    // each process's base URL, for readiness
	app           *app.App
	workers       int
	fetchCooldown time.Duration
	poolSize      int

	dbURL         string        // the bench database
	pool          *pgxpool.Pool // the bench's own connections, for setup and polling
	river         *river.Client[pgx.Tx]
	sms           *smsServer // the Twilio API Herald's SMS channel calls
	tenantID      string
	notifications heraldv1connect.NotificationServiceClient
	recipients    heraldv1connect.RecipientServiceClient
	messageTypes  heraldv1connect.MessageTypeServiceClient
	topics        heraldv1connect.TopicServiceClient
}

// heraldEnv is the configuration the Herald under test runs with.
func heraldEnv(cfg Config, dbURL, addr, key string, providers map[string]string) map[string]string {
	env := map[string]string{
		"HERALD_DATABASE_URL":          dbURL,
		"HERALD_ADDR":                  addr,
		"HERALD_BOOTSTRAP_API_KEY":     key,
		"HERALD_WEBHOOK_ALLOW_PRIVATE": "true",
		"HERALD_LOG_LEVEL":             "warn",
	}
	for k, v := range providers {
		env[k] = v
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
	h := &herald{key: "bench-" + hex.EncodeToString(keyBytes), dbURL: dbURL}
	addr, err := freeAddr()
	if err != nil {
		return nil, err
	}
	if h.sms, err = newSMSServer(); err != nil {
		return nil, err
	}
	env := heraldEnv(cfg, dbURL, addr, h.key, h.sms.env())
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
	if h.river, err = river.NewClient(riverpgxv5.New(h.pool), &river.Config{}); err != nil {
		return nil, err
	}
	if ready != nil {
		if err := ready(h); err != nil {
			return nil, err
		}
	}

	if cfg.HeraldBinary != "" {
		if err := h.startProcesses(ctx, cfg, env, addr); err != nil {
			h.stop(ctx)
			return nil, err
		}
	} else {
		h.mode = "in process (CPU and RSS include the bench)"
		h.app, err = app.New(ctx, c, &app.Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
		if err != nil {
			return nil, err
		}
		if err := h.app.Start(ctx); err != nil {
			return nil, err
		}
		h.probes = []string{"http://" + addr}
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
	h.topics = heraldv1connect.NewTopicServiceClient(client, h.url, opts)
	if err := h.pool.QueryRow(ctx, "SELECT id::text FROM tenants WHERE name = 'default'").Scan(&h.tenantID); err != nil {
		return nil, fmt.Errorf("bench tenant: %w", err)
	}
	return h, nil
}

// startProcesses runs Herald as child processes: one serving everything,
// or with cfg.WorkerProcs an API process on addr and that many worker
// processes.
func (h *herald) startProcesses(ctx context.Context, cfg Config, env map[string]string, addr string) error {
	type proc struct{ role, addr string }
	procs := []proc{{app.RoleAll, addr}}
	h.mode = "one child process"
	if cfg.WorkerProcs > 0 {
		procs[0].role = app.RoleAPI
		h.mode = fmt.Sprintf("child processes: 1 API, %d worker", cfg.WorkerProcs)
		for range cfg.WorkerProcs {
			a, err := freeAddr()
			if err != nil {
				return err
			}
			procs = append(procs, proc{app.RoleWorker, a})
		}
	}
	for _, p := range procs {
		cmd := exec.CommandContext(ctx, cfg.HeraldBinary, "serve")
		cmd.Env = os.Environ()
		for k, v := range env {
			cmd.Env = append(cmd.Env, k+"="+v)
		}
		cmd.Env = append(cmd.Env, "HERALD_ROLE="+p.role, "HERALD_ADDR="+p.addr)
		if _, set := env["HERALD_DB_MAX_CONNS"]; !set && len(procs) > 1 {
			// Each process holds its pool, half as many for its delivery
			// writes, and two listeners: 3 x 32 would pass Postgres's
			// default max_connections of 100.
			cmd.Env = append(cmd.Env, "HERALD_DB_MAX_CONNS=16")
		}
		cmd.Stderr = os.Stderr
		if err := cmd.Start(); err != nil {
			return fmt.Errorf("start %s serve: %w", cfg.HeraldBinary, err)
		}
		h.procs = append(h.procs, cmd)
		h.probes = append(h.probes, "http://"+p.addr)
	}
	return nil
}

// waitReady waits until every process answers /readyz.
func (h *herald) waitReady(ctx context.Context) error {
	deadline := time.Now().Add(time.Minute)
	for _, probe := range h.probes {
		for {
			resp, err := http.Get(probe + "/readyz")
			if err == nil {
				resp.Body.Close()
				if resp.StatusCode == http.StatusOK {
					break
				}
			}
			for _, cmd := range h.procs {
				if cmd.ProcessState != nil {
					return errors.New("herald exited before it was ready")
				}
			}
			if time.Now().After(deadline) {
				return fmt.Errorf("%s was not ready within a minute", probe)
			}
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-time.After(100 * time.Millisecond):
			}
		}
	}
	return nil
}

func (h *herald) stop(ctx context.Context) {
	var wg sync.WaitGroup
	for _, cmd := range h.procs {
		if cmd.Process == nil {
			continue
		}
		wg.Go(func() {
			_ = cmd.Process.Signal(os.Interrupt)
			done := make(chan struct{})
			go func() { _ = cmd.Wait(); close(done) }()
			select {
			case <-done:
			case <-time.After(30 * time.Second):
				_ = cmd.Process.Kill()
			}
		})
	}
	wg.Wait()
	if h.app != nil {
		shutdownCtx, cancel := context.WithTimeout(ctx, 30*time.Second)
		_ = h.app.Shutdown(shutdownCtx)
		cancel()
	}
	if h.pool != nil {
		h.pool.Close()
	}
	if h.sms != nil {
		h.sms.close()
	}
}

// meter measures the Herald processes (this one when Herald runs inside).
func (h *herald) meter() *meter {
	pids := make([]int, len(h.procs))
	for i, cmd := range h.procs {
		pids[i] = cmd.Process.Pid
	}
	return newMeter(pids...)
}

// messageType declares a webhook message type at priority p.
func (h *herald) messageType(ctx context.Context, key string, p heraldv1.Priority) error {
	_, err := h.messageTypes.UpsertMessageType(ctx, connect.NewRequest(&heraldv1.UpsertMessageTypeRequest{MessageType: &heraldv1.MessageType{
		Key: key, Category: "bench", Priority: p, Channels: []heraldv1.Channel{heraldv1.Channel_CHANNEL_WEBHOOK},
		Templates: &heraldv1.Templates{Webhook: &heraldv1.WebhookTemplate{Body: "bench {{.i}}"}},
	}}))
	return err
}

// smsType declares an SMS message type at priority p.
func (h *herald) smsType(ctx context.Context, key string, p heraldv1.Priority) error {
	_, err := h.messageTypes.UpsertMessageType(ctx, connect.NewRequest(&heraldv1.UpsertMessageTypeRequest{MessageType: &heraldv1.MessageType{
		Key: key, Category: "bench", Priority: p, Channels: []heraldv1.Channel{heraldv1.Channel_CHANNEL_SMS},
		Templates: &heraldv1.Templates{Sms: &heraldv1.SmsTemplate{Body: "bench {{.i}}"}},
	}}))
	return err
}

// warmClients opens up to c of the clients' connections to Herald before the
// clock starts, as the baselines open theirs to Postgres (warmPool): c
// concurrent reads of a notification that does not exist.
func (h *herald) warmClients(ctx context.Context, c int) error {
	return parallel(ctx, c, c, func(int) error {
		_, err := h.notifications.GetNotification(ctx, connect.NewRequest(&heraldv1.GetNotificationRequest{NotificationId: uuid.NewString()}))
		if connect.CodeOf(err) == connect.CodeNotFound {
			return nil
		}
		return err
	})
}

// addRecipients writes n recipients named prefix0..prefixN-1 whose
// webhook is url, each with a phone number, straight into the database
// (setup, not measured).
func (h *herald) addRecipients(ctx context.Context, prefix string, n int, url string) ([]string, error) {
	ids := make([]string, n)
	for i := range ids {
		ids[i] = fmt.Sprintf("%s%d", prefix, i)
	}
	_, err := h.pool.Exec(ctx, `INSERT INTO recipients (tenant_id, id, webhook_url, phone)
		SELECT $1, id, $3, '+1555' || lpad(n::text, 7, '0') FROM unnest($2::text[]) WITH ORDINALITY AS r(id, n)
		ON CONFLICT (tenant_id, id) DO UPDATE SET webhook_url = excluded.webhook_url`,
		h.tenantID, ids, url)
	return ids, err
}

// cancel cancels the notifications' pending deliveries (clean-up between
// scenarios).
func (h *herald) cancel(ctx context.Context, ids []string) error {
	for _, id := range ids {
		if _, err := h.notifications.CancelNotification(ctx, connect.NewRequest(&heraldv1.CancelNotificationRequest{NotificationId: id})); err != nil {
			return fmt.Errorf("cancel %s: %w", id, err)
		}
	}
	return nil
}

// subscribe subscribes ids to topic through the API (setup, not measured).
func (h *herald) subscribe(ctx context.Context, topic string, ids []string) error {
	for chunk := range slices.Chunk(ids, 10_000) {
		if _, err := h.topics.Subscribe(ctx, connect.NewRequest(&heraldv1.SubscribeRequest{Topic: topic, RecipientIds: chunk})); err != nil {
			return fmt.Errorf("subscribe: %w", err)
		}
	}
	return nil
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

// pauseLanes stops Herald's workers from fetching jobs of the named lanes
// (every lane when none is named), as an operator would with River's
// QueuePause, and gives the running clients a moment to hear of it.
func (h *herald) pauseLanes(ctx context.Context, lanes ...string) error {
	if len(lanes) == 0 {
		lanes = []string{allLanes}
	}
	for _, l := range lanes {
		if err := h.river.QueuePause(ctx, l, nil); err != nil {
			return fmt.Errorf("pause lane %s: %w", l, err)
		}
	}
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-time.After(time.Second):
		return nil
	}
}

// resumeLanes undoes pauseLanes.
func (h *herald) resumeLanes(ctx context.Context, lanes ...string) error {
	if len(lanes) == 0 {
		lanes = []string{allLanes}
	}
	for _, l := range lanes {
		if err := h.river.QueueResume(ctx, l, nil); err != nil {
			return fmt.Errorf("resume lane %s: %w", l, err)
		}
	}
	return nil
}

// allLanes is River's name for every queue.
const allLanes = "*"

// deliveryLanes are the names of every delivery lane.
func deliveryLanes() []string {
	var out []string
	for _, p := range store.Priorities {
		for _, c := range store.Channels {
			out = append(out, jobs.DeliverQueue(p, c))
		}
	}
	return out
}
