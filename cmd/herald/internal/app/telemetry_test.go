package app_test

import (
	"context"
	"encoding/hex"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	collectortrace "go.opentelemetry.io/proto/otlp/collector/trace/v1"
	"google.golang.org/protobuf/proto"

	"github.com/heraldhq/herald/cmd/herald/internal/app"
	heraldv1 "github.com/heraldhq/herald/gen/herald/v1"
	"github.com/heraldhq/herald/jobs"
	"github.com/heraldhq/herald/telemetry"
)

// otlpReceiver is an OTLP/HTTP trace endpoint on loopback that keeps every
// span it is sent, as a collector would receive them.
type otlpReceiver struct {
	srv   *httptest.Server
	mu    sync.Mutex
	spans []receivedSpan
}

type receivedSpan struct {
	traceID, spanID, parentID, name string
}

func newOTLPReceiver(t *testing.T) *otlpReceiver {
	r := &otlpReceiver{}
	r.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		body, err := io.ReadAll(req.Body)
		if err != nil || req.URL.Path != "/v1/traces" || req.Header.Get("Content-Type") != "application/x-protobuf" {
			http.Error(w, "want protobuf at /v1/traces", http.StatusBadRequest)
			return
		}
		var export collectortrace.ExportTraceServiceRequest
		if err := proto.Unmarshal(body, &export); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		r.mu.Lock()
		for _, rs := range export.GetResourceSpans() {
			for _, ss := range rs.GetScopeSpans() {
				for _, s := range ss.GetSpans() {
					r.spans = append(r.spans, receivedSpan{traceID: hex.EncodeToString(s.GetTraceId()), spanID: hex.EncodeToString(s.GetSpanId()),
						parentID: hex.EncodeToString(s.GetParentSpanId()), name: s.GetName()})
				}
			}
		}
		r.mu.Unlock()
		w.Header().Set("Content-Type", "application/x-protobuf")
		resp, _ := proto.Marshal(&collectortrace.ExportTraceServiceResponse{})
		w.Write(resp) //nolint:errcheck // test server
	}))
	t.Cleanup(r.srv.Close)
	return r
}

func (r *otlpReceiver) received() []receivedSpan {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]receivedSpan(nil), r.spans...)
}

// TestOneTraceFromSendToProviderCall exports traces to an in-process OTLP
// receiver and finds the Send RPC, the fan-out and deliver jobs, the
// provider call and the SQL they ran in one trace, each span's parent in it.
func TestOneTraceFromSendToProviderCall(t *testing.T) {
	t.Parallel()
	otlp := newOTLPReceiver(t)
	ctx := context.Background()
	a, err := app.New(ctx, testConfig(t, nil), &app.Options{
		Logger:    slog.New(slog.NewTextHandler(t.Output(), &slog.HandlerOptions{Level: slog.LevelWarn})),
		Queues:    &jobs.QueueOptions{FetchCooldown: time.Millisecond, FetchPollInterval: 50 * time.Millisecond},
		Telemetry: &telemetry.Options{TracesEndpointURL: otlp.srv.URL + "/v1/traces"},
	})
	require.NoError(t, err)
	require.NoError(t, a.Start(ctx))
	b := bundleFor(t, a)
	recv := newReceiver(t, b.tenant.SigningSecret)
	b.webhookType(t, "order.shipped")
	b.recipient(t, "u1", recv.srv.URL)
	b.recipient(t, "u2", recv.srv.URL)

	// Two recipients: their deliveries share a batch job, whose members'
	// spans join the trace too.
	sent := b.send(t, &heraldv1.SendRequest{MessageType: "order.shipped", RecipientIds: []string{"u1", "u2"},
		Data: data(t, map[string]any{"order": "A-1"})})
	b.waitCompleted(t, sent.GetNotificationId())
	shutdownCtx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	require.NoError(t, a.Shutdown(shutdownCtx), "shutdown exports the spans still buffered")

	spans := otlp.received()
	var send *receivedSpan
	for i, s := range spans {
		if s.name == "herald.v1.NotificationService/Send" {
			send = &spans[i]
		}
	}
	require.NotNil(t, send, "the Send RPC's server span was exported")
	byID := map[string]receivedSpan{}
	names := map[string]int{}
	for _, s := range spans {
		if s.traceID == send.traceID {
			byID[s.spanID] = s
		}
	}
	for _, s := range byID {
		if s.spanID != send.spanID {
			require.Contains(t, byID, s.parentID, "span %q has its parent in the trace", s.name)
		}
		name := s.name
		switch name { // otelpgx names a statement's span by its first word
		case "SELECT", "INSERT", "UPDATE", "DELETE", "WITH", "COMMIT":
			name = "sql"
		}
		names[name]++
	}
	for _, want := range []string{
		"herald.v1.NotificationService/Send",
		"river.work/herald.fanout_batch", "herald.fanout",
		"river.work/herald.deliver_batch", "herald.deliver", "herald.provider.send",
		"sql",
	} {
		require.Positive(t, names[want], "trace %s has a %q span; it has %v", send.traceID, want, names)
	}
	require.Equal(t, 2, names["herald.provider.send"], "one provider call per recipient")
}

// TestMetricsAfterASend scrapes /metrics after a delivery and finds the
// series the dashboards and alerts in deploy/ are built on.
func TestMetricsAfterASend(t *testing.T) {
	t.Parallel()
	b := setup(t)
	recv := newReceiver(t, b.tenant.SigningSecret)
	b.webhookType(t, "order.shipped")
	b.recipient(t, "u1", recv.srv.URL)
	sent := b.send(t, &heraldv1.SendRequest{MessageType: "order.shipped", RecipientIds: []string{"u1", "nobody"},
		Data: data(t, map[string]any{"order": "A-1"})})
	b.waitCompleted(t, sent.GetNotificationId())

	resp, err := http.Get(b.app.URL() + "/metrics")
	require.NoError(t, err)
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	require.NoError(t, err)
	metrics := string(body)
	for _, want := range []struct {
		name   string
		labels []string
	}{
		// RED per RPC
		{"rpc_server_call_duration_seconds_count", []string{`rpc_method="herald.v1.NotificationService/Send"`, `rpc_response_status_code="OK"`}},
		// sends and suppressions by channel, provider, status and reason
		{"herald_deliveries_total", []string{`channel="webhook"`, `provider="webhook"`, `status="sent"`}},
		{"herald_deliveries_total", []string{`reason="no_address"`, `status="suppressed"`}},
		{"herald_provider_duration_seconds_bucket", []string{`provider="webhook"`, `outcome="sent"`}},
		// accept to sent by priority
		{"herald_delivery_latency_seconds_bucket", []string{`priority="normal"`, `channel="webhook"`}},
		// queue depth and age per lane
		{"herald_queue_jobs", []string{`queue="critical_email"`, `state="available"`}},
		{"herald_queue_oldest_available_age_seconds", []string{`queue="normal_webhook"`}},
		// flag evaluations, River's job metrics, the pool
		{"herald_flag_evaluations_total", []string{`feature_flag_key="kill-switch"`}},
		{"river_work_count_total", []string{`kind="herald.deliver"`}},
		{"pgxpool_acquired_connections", nil},
	} {
		require.True(t, hasSeries(metrics, want.name, want.labels...), "/metrics has %s with %v", want.name, want.labels)
	}

	// The alerts and the dashboard in deploy/ use only series Herald
	// exports: seen here, or counted only on rare events (defined in
	// jobs/metrics.go under their OpenTelemetry name).
	rare := map[string]string{
		"herald_provider_circuit_transitions_total": "herald.provider.circuit.transitions",
		"herald_status_webhooks_total":              "herald.status_webhooks",
	}
	source, err := os.ReadFile("../../../../jobs/metrics.go")
	require.NoError(t, err)
	for _, file := range []string{"deploy/prometheus/alerts.yml", "deploy/grafana/dashboards/herald.json"} {
		raw, err := os.ReadFile("../../../../" + file)
		require.NoError(t, err)
		names := regexp.MustCompile(`\b(?:herald|rpc_server|pgxpool)_[a-z_]+`).FindAllString(string(raw), -1)
		require.NotEmpty(t, names)
		for _, name := range names {
			if otel, ok := rare[name]; ok {
				require.Contains(t, string(source), `"`+otel+`"`, "%s uses %s", file, name)
				continue
			}
			require.Contains(t, metrics, "\n"+name, "%s uses %s, which /metrics does not export", file, name)
		}
	}
}

// hasSeries reports whether the Prometheus text has a sample of name with
// all of labels.
func hasSeries(text, name string, labels ...string) bool {
lines:
	for _, line := range strings.Split(text, "\n") {
		if !strings.HasPrefix(line, name+"{") && !strings.HasPrefix(line, name+" ") {
			continue
		}
		for _, l := range labels {
			if !strings.Contains(line, l) {
				continue lines
			}
		}
		return true
	}
	return false
}
