package main

import (
	"context"
	"fmt"
	"html/template"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/heraldhq/herald/cmd/herald/internal/app"
	"github.com/heraldhq/herald/providers/webhook"
	"github.com/heraldhq/herald/server"
	"github.com/heraldhq/herald/store"
)

// devTenant, devKeyName and devRecipient are what `herald dev` seeds.
const (
	devTenant    = "dev"
	devKeyName   = "herald dev"
	devRecipient = "dev-user"
	devType      = "welcome"
)

// runDev runs Herald for local development: private webhook targets
// allowed, text logs, its loopback address as the public URL (receipts,
// tracking links), a dev tenant with a fresh key, a sample message type
// and a recipient whose webhook is a sink inside this process that verifies
// and logs what it receives.
func runDev(ctx context.Context, _ []string) error {
	env := func(name string) string {
		if v := os.Getenv(name); v != "" {
			return v
		}
		switch name {
		case "HERALD_WEBHOOK_ALLOW_PRIVATE":
			return "true"
		case "HERALD_LOG_FORMAT":
			return "text"
		case "HERALD_RETRY_BASE_DELAY":
			return "500ms"
		case "HERALD_PUBLIC_URL":
			// Receipts and tracking links lead back to this process.
			addr := os.Getenv("HERALD_ADDR")
			if addr == "" {
				addr = ":8080"
			}
			return "http://" + loopbackAddr(addr)
		}
		return ""
	}
	cfg, err := app.ConfigFromEnv(env)
	if err != nil {
		return err
	}
	logger := newLogger(cfg)
	a, err := app.New(ctx, cfg, &app.Options{Logger: logger})
	if err != nil {
		return err
	}

	key := store.NewAPIKey()
	sinkURL := "http://" + loopbackAddr(cfg.Addr) + "/dev/webhook"
	tenant, err := seedDev(ctx, a.Store(), key, sinkURL)
	if err != nil {
		a.Close()
		return err
	}
	a.Mux().Handle("POST /dev/webhook", &devSink{secret: tenant.SigningSecret, logger: logger, seen: map[string]int{}})
	a.Mux().Handle("GET /dev/inbox", &devInbox{store: a.Store(), tenant: tenant})

	if err := a.Start(ctx); err != nil {
		a.Close()
		return err
	}
	base := "http://" + loopbackAddr(a.Addr())
	fmt.Printf(`
Herald is running at %[1]s (API, workers, /metrics). Ctrl-C stops it.

Tenant %[2]q, API key (new at each start):
  export HERALD_API_KEY=%[3]s

Send a first notification (recipient %[4]q's webhook is this process's /dev/webhook sink):
  curl -sS %[1]s/herald.v1.NotificationService/Send \
    -H 'Authorization: Bearer %[3]s' -H 'Content-Type: application/json' \
    -d '{"messageType":"%[5]s","recipientIds":["%[4]s"],"data":{"name":"Ada"},"idempotencyKey":"first"}'

See what happened to it (use the notificationId it returned):
  curl -sS %[1]s/herald.v1.NotificationService/GetNotification \
    -H 'Authorization: Bearer %[3]s' -H 'Content-Type: application/json' \
    -d '{"notificationId":"<id>"}'
  or: HERALD_API_KEY=%[3]s herald status <id>
  or open the console, %[1]s/console/ , sign in with the key and pick it from the list.

%[4]q's in-app inbox, live: %[1]s/dev/inbox
River's jobs: %[1]s/riverui/ (any user name, the key as password).

`, base, devTenant, key, devRecipient, devType)

	<-ctx.Done()
	shutdownCtx, cancel := context.WithTimeout(context.Background(), cfg.ShutdownTimeout)
	defer cancel()
	return a.Shutdown(shutdownCtx)
}

// loopbackAddr turns a listen address (":8080", "[::]:8080") into one a
// client on this machine can dial.
func loopbackAddr(addr string) string {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return addr
	}
	if host == "" || host == "0.0.0.0" || host == "::" {
		host = "127.0.0.1"
	}
	return net.JoinHostPort(host, port)
}

// seedDev creates the dev tenant, replaces its dev key with key, and
// upserts the sample message type and recipient.
func seedDev(ctx context.Context, st *store.Store, key, sinkURL string) (*store.Tenant, error) {
	var tenant *store.Tenant
	err := st.InTx(ctx, func(tx pgx.Tx) error {
		q := store.New(tx)
		var err error
		if tenant, err = q.CreateTenant(ctx, devTenant); err != nil {
			return err
		}
		if _, err := q.RevokeAPIKeysNamed(ctx, tenant.ID, devKeyName); err != nil {
			return err
		}
		k, err := q.CreateAPIKey(ctx, tenant.ID, devKeyName, key)
		if err != nil {
			return err
		}
		// The dev key is an operator key, so the console shows the queues.
		if err := q.SetAPIKeyOperator(ctx, tenant.ID, k.ID, true); err != nil {
			return err
		}
		_, err = q.UpsertMessageType(ctx, tenant.ID, devType, store.MessageTypeSpec{
			Category:    "transactional",
			Priority:    store.PriorityNormal,
			Channels:    []store.Channel{store.ChannelWebhook, store.ChannelInApp},
			Description: "Sample message type created by herald dev.",
			Templates: store.Templates{
				Webhook: &store.WebhookTemplate{Body: "Welcome to Herald, {{.name}}!"},
				InApp:   &store.InAppTemplate{Title: "Welcome, {{.name}}", Body: "Your first Herald notification."},
			},
		})
		if err != nil {
			return err
		}
		_, err = q.UpsertRecipient(ctx, &store.Recipient{
			TenantID: tenant.ID, ID: devRecipient, Email: "dev-user@example.com", WebhookURL: sinkURL, Timezone: "UTC",
		})
		return err
	})
	return tenant, err
}

// devInbox is a page embedding <herald-inbox> for the dev recipient, with
// a fresh inbox token at each load, as a tenant's app would render it.
type devInbox struct {
	store  *store.Store
	tenant *store.Tenant
}

var devInboxPage = template.Must(template.New("inbox").Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>herald dev: {{.Recipient}}'s inbox</title>
<script type="module" src="/inbox/herald-inbox.js"></script>
<style>body{margin:0;font:15px system-ui,sans-serif;color:#1d2330}header{display:flex;justify-content:space-between;align-items:center;padding:12px 24px;border-bottom:1px solid #e3e6ee}main{padding:24px;max-width:720px}</style>
</head><body>
<header><strong>Your app</strong><herald-inbox api="{{.API}}" token="{{.Token}}"></herald-inbox></header>
<main><p>This page stands for your app, signed in as <b>{{.Recipient}}</b>. Send a notification with the curl
<code>herald dev</code> printed: it appears on the bell without a reload.</p></main>
</body></html>`))

func (d *devInbox) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	token, err := server.MintInboxToken(d.tenant, devRecipient, time.Now().Add(server.DefaultInboxTokenTTL))
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	devInboxPage.Execute(w, map[string]string{"API": "http://" + r.Host, "Recipient": devRecipient, "Token": token}) //nolint:errcheck // the browser sees what it gets
}

// devSink receives the dev recipient's webhooks: it checks the signature,
// logs the delivery and, like a careful receiver, drops repeats of an
// Idempotency-Key.
type devSink struct {
	secret []byte
	logger *slog.Logger
	mu     sync.Mutex
	seen   map[string]int
}

func (s *devSink) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	if err := webhook.Verify(s.secret, r.Header.Get(webhook.SignatureHeader), body, time.Now(), 0); err != nil {
		s.logger.Warn("dev webhook sink: refused", "error", err)
		http.Error(w, err.Error(), http.StatusUnauthorized)
		return
	}
	key := r.Header.Get(webhook.IdempotencyHeader)
	s.mu.Lock()
	s.seen[key]++
	n := s.seen[key]
	s.mu.Unlock()
	if n > 1 {
		s.logger.Info("dev webhook sink: repeat dropped", "idempotency_key", key, "times", n)
	} else {
		s.logger.Info("dev webhook sink: received", "idempotency_key", key, "signature", "valid", "body", string(body))
	}
	w.WriteHeader(http.StatusNoContent)
}
