package app_test

import (
	"context"
	"encoding/hex"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
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
