package app_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"connectrpc.com/connect"
	"github.com/stretchr/testify/require"

	heraldv1 "github.com/heraldhq/herald/gen/herald/v1"
	"github.com/heraldhq/herald/gen/herald/v1/heraldv1connect"
	"github.com/heraldhq/herald/jobs"
	"github.com/heraldhq/herald/providers/webhook"
)

// statusReceiver is a tenant's endpoint for status webhooks: it answers
// with scripted statuses (then 200) and keeps every request.
type statusReceiver struct {
	srv      *httptest.Server
	mu       sync.Mutex
	script   []int
	requests []statusRequest
	secret   []byte
}

type statusRequest struct {
	status         int
	idempotencyKey string
	signature      string
	body           []byte
	payload        jobs.StatusWebhookPayload
}

func newStatusReceiver(t *testing.T, statuses ...int) *statusReceiver {
	r := &statusReceiver{script: statuses}
	r.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		body, _ := io.ReadAll(req.Body)
		got := statusRequest{idempotencyKey: req.Header.Get("Idempotency-Key"), signature: req.Header.Get("Herald-Signature"), body: body}
		if err := json.Unmarshal(body, &got.payload); err != nil {
			t.Errorf("status webhook body is not JSON: %v", err)
		}
		r.mu.Lock()
		got.status = http.StatusOK
		if len(r.script) > 0 {
			got.status, r.script = r.script[0], r.script[1:]
		}
		r.requests = append(r.requests, got)
		r.mu.Unlock()
		w.WriteHeader(got.status)
	}))
	t.Cleanup(r.srv.Close)
	return r
}

func (r *statusReceiver) received() []statusRequest {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]statusRequest(nil), r.requests...)
}

// acked returns the events of requests answered 2xx, by delivery and type.
func (r *statusReceiver) acked() map[string]int {
	out := map[string]int{}
	for _, req := range r.received() {
		if req.status/100 == 2 {
			for _, e := range req.payload.Events {
				out[e.RecipientID+"/"+e.Type]++
			}
		}
	}
	return out
}

// TestStatusWebhooksAreSignedRetriedAndFiltered subscribes two endpoints:
// one to the default status changes, whose first POST fails and is sent
// again with the same Idempotency-Key, and one to suppressions only.
func TestStatusWebhooksAreSignedRetriedAndFiltered(t *testing.T) {
	t.Parallel()
	b := setup(t)
	endpoints := heraldv1connect.NewWebhookEndpointServiceClient(http.DefaultClient, b.app.URL(), connect.WithInterceptors(bearer(b.key)))
	all := newStatusReceiver(t, http.StatusServiceUnavailable)
	suppressedOnly := newStatusReceiver(t)

	_, err := endpoints.CreateWebhookEndpoint(b.ctx, connect.NewRequest(&heraldv1.CreateWebhookEndpointRequest{Url: all.srv.URL, EventTypes: []string{"nope"}}))
	require.Equal(t, connect.CodeInvalidArgument, connectCode(t, err))
	require.Contains(t, err.Error(), "event_types")

	created, err := endpoints.CreateWebhookEndpoint(b.ctx, connect.NewRequest(&heraldv1.CreateWebhookEndpointRequest{Url: all.srv.URL}))
	require.NoError(t, err)
	all.secret = []byte(created.Msg.GetSecret())
	require.NotEmpty(t, all.secret)
	other, err := endpoints.CreateWebhookEndpoint(b.ctx, connect.NewRequest(&heraldv1.CreateWebhookEndpointRequest{Url: suppressedOnly.srv.URL, EventTypes: []string{"suppressed"}}))
	require.NoError(t, err)

	recv := newReceiver(t, b.tenant.SigningSecret)
	b.webhookType(t, "order.shipped")
	b.recipient(t, "u1", recv.srv.URL)
	sent := b.send(t, &heraldv1.SendRequest{MessageType: "order.shipped", RecipientIds: []string{"u1", "nobody"},
		Data: data(t, map[string]any{"order": "A-1"})})
	b.waitCompleted(t, sent.GetNotificationId())

	require.Eventually(t, func() bool {
		got := all.acked()
		return got["u1/sent"] >= 1 && got["nobody/suppressed"] >= 1
	}, 15*time.Second, 20*time.Millisecond, "the endpoint acknowledged the sent and suppressed events")
	reqs := all.received()
	require.Equal(t, http.StatusServiceUnavailable, reqs[0].status)
	require.Equal(t, reqs[0].idempotencyKey, reqs[1].idempotencyKey, "the failed batch is sent again under the same key")
	require.Equal(t, reqs[0].body, reqs[1].body)
	for _, req := range reqs {
		require.NoError(t, webhook.Verify(all.secret, req.signature, req.body, time.Now(), 0), "signed with the endpoint's secret")
		require.Equal(t, created.Msg.GetEndpoint().GetId(), req.payload.EndpointID)
		for _, e := range req.payload.Events {
			require.Contains(t, jobs.DefaultStatusEventTypes, e.Type, "default types only")
			require.Equal(t, sent.GetNotificationId(), e.NotificationID)
		}
	}
	require.Equal(t, 1, all.acked()["u1/sent"], "acknowledged once")

	require.Eventually(t, func() bool { return suppressedOnly.acked()["nobody/suppressed"] == 1 }, 15*time.Second, 20*time.Millisecond)
	for _, req := range suppressedOnly.received() {
		for _, e := range req.payload.Events {
			require.Equal(t, "suppressed", e.Type)
			require.Equal(t, "no_address", e.Reason)
		}
	}

	list, err := endpoints.ListWebhookEndpoints(b.ctx, connect.NewRequest(&heraldv1.ListWebhookEndpointsRequest{}))
	require.NoError(t, err)
	require.Len(t, list.Msg.GetEndpoints(), 2)
	require.NotNil(t, list.Msg.GetEndpoints()[0].GetLastEventTime())
	require.Empty(t, list.Msg.GetEndpoints()[0].GetLastError(), "cleared by the success")

	_, err = endpoints.DeleteWebhookEndpoint(b.ctx, connect.NewRequest(&heraldv1.DeleteWebhookEndpointRequest{Id: other.Msg.GetEndpoint().GetId()}))
	require.NoError(t, err)
	_, err = endpoints.DeleteWebhookEndpoint(b.ctx, connect.NewRequest(&heraldv1.DeleteWebhookEndpointRequest{Id: other.Msg.GetEndpoint().GetId()}))
	require.Equal(t, connect.CodeNotFound, connectCode(t, err))
}
