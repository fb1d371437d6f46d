package app_test

import (
	"fmt"
	"html"
	"net/http"
	"sync"
	"testing"
	"time"

	"connectrpc.com/connect"
	"github.com/stretchr/testify/require"
	"google.golang.org/protobuf/types/known/timestamppb"

	heraldv1 "github.com/heraldhq/herald/gen/herald/v1"
	"github.com/heraldhq/herald/gen/herald/v1/heraldv1connect"
	"github.com/heraldhq/herald/store"
)

func (b *testBundle) analytics() heraldv1connect.AnalyticsServiceClient {
	return heraldv1connect.NewAnalyticsServiceClient(http.DefaultClient, b.app.URL(), connect.WithInterceptors(bearer(b.key)))
}

// TestStatsPerVariant is the check: with the A/B flag splitting
// recipients between two variants, GetStats reports the sends and clicks
// per variant that the test made, and the bounce it reported.
func TestStatsPerVariant(t *testing.T) {
	t.Parallel()
	f := newFakes(t)
	flags := newFlagFile(t, `"template-variant":{"state":"ENABLED","variants":{"control":"","b":"b"},"defaultVariant":"control",
	  "targeting":{"if":[{"==":[{"var":"messageType"},"deals"]},{"fractional":[["control",50],["b",50]]},"control"]}}`)
	b := f.start(t, f.sendgridEnv(t, map[string]string{"HERALD_FLAGS_FILE": flags.path}), nil)
	b.trackedType(t, "deals", &heraldv1.Tracking{Clicks: true}, map[string]*heraldv1.Templates{"b": {Email: &heraldv1.EmailTemplate{
		Subject: "Deals, again", Body: "See https://shop.example.com/deals",
		Html: `<p><a href="https://shop.example.com/deals?v=b&id={{.recipient.id}}">Deals</a></p>`}}})
	b.trackedType(t, "other", &heraldv1.Tracking{Clicks: true}, nil) // not in the stats of deals
	var ids []string
	for i := range 60 {
		ids = append(ids, fmt.Sprint("r", i))
		b.upsert(t, &heraldv1.Recipient{Id: ids[i], Email: ids[i] + "@example.com"})
	}
	start := time.Now().Add(-time.Second)
	n := b.waitCompleted(t, b.send(t, &heraldv1.SendRequest{MessageType: "deals", RecipientIds: ids}).GetNotificationId())
	b.waitCompleted(t, b.send(t, &heraldv1.SendRequest{MessageType: "other", RecipientIds: ids[:5]}).GetNotificationId())

	sends, clicks, bounces := map[string]int64{}, map[string]int64{}, map[string]int64{}
	for i, d := range n.GetDeliveries() {
		require.Equal(t, heraldv1.DeliveryStatus_DELIVERY_STATUS_SENT, d.GetStatus())
		v := d.GetVariant()
		sends[v]++
		call := callTo(f.sendgrid.Calls(), d.GetId())
		if v == "b" {
			require.Equal(t, "Deals, again", call.Fields["subject"])
		}
		switch {
		case i%3 == 0: // a third click, some twice: one clicked delivery each
			link := html.UnescapeString(trackedLink.FindStringSubmatch(call.Fields["html"])[1])
			for range 1 + i%2 {
				resp, err := noRedirect.Get(link)
				require.NoError(t, err)
				resp.Body.Close()
				require.Equal(t, http.StatusFound, resp.StatusCode)
			}
			clicks[v]++
		case i%7 == 1:
			status, err := f.sendgrid.PostEvents(b.app.URL()+"/receipts/sendgrid/sendgrid", f.sendgrid.Event(call, "bounce", map[string]any{"type": "bounce"}))
			require.NoError(t, err)
			require.Equal(t, http.StatusOK, status)
			bounces[v]++
		}
	}
	require.Greater(t, sends[""], int64(10))
	require.Greater(t, sends["b"], int64(10))

	resp, err := b.analytics().GetStats(b.ctx, connect.NewRequest(&heraldv1.GetStatsRequest{MessageType: "deals"}))
	require.NoError(t, err)
	rows := resp.Msg.GetRows()
	require.Len(t, rows, 2, "one row per variant")
	for _, r := range rows {
		v := r.GetVariant()
		require.Equal(t, "deals", r.GetMessageType())
		require.Equal(t, heraldv1.Channel_CHANNEL_EMAIL, r.GetChannel())
		require.Equal(t, sends[v], r.GetSent(), "variant %q sends", v)
		require.Equal(t, sends[v], r.GetDeliveries())
		require.Equal(t, clicks[v], r.GetClicked(), "variant %q clicks", v)
		require.Equal(t, clicks[v], r.GetOpened(), "a click is an open")
		require.Equal(t, bounces[v], r.GetBounced(), "variant %q bounces", v)
		require.InDelta(t, float64(clicks[v])/float64(sends[v]), r.GetClickRate(), 1e-9)
		require.Zero(t, r.GetDelivered())
	}
	require.Equal(t, "", rows[0].GetVariant(), "ordered by variant")

	// Filters: one variant; a time range that ends before the sends.
	one, err := b.analytics().GetStats(b.ctx, connect.NewRequest(&heraldv1.GetStatsRequest{MessageType: "deals", Variant: "b",
		Channel: heraldv1.Channel_CHANNEL_EMAIL}))
	require.NoError(t, err)
	require.Len(t, one.Msg.GetRows(), 1)
	require.Equal(t, sends["b"], one.Msg.GetRows()[0].GetSent())
	before, err := b.analytics().GetStats(b.ctx, connect.NewRequest(&heraldv1.GetStatsRequest{EndTime: timestamppbOf(start)}))
	require.NoError(t, err)
	require.Empty(t, before.Msg.GetRows())
	all, err := b.analytics().GetStats(b.ctx, connect.NewRequest(&heraldv1.GetStatsRequest{}))
	require.NoError(t, err)
	require.Len(t, all.Msg.GetRows(), 3)
	_, err = b.analytics().GetStats(b.ctx, connect.NewRequest(&heraldv1.GetStatsRequest{StartTime: timestamppbOf(time.Now()),
		EndTime: timestamppbOf(start)}))
	require.Equal(t, connect.CodeInvalidArgument, connectCode(t, err))

	// Another tenant sees none of it.
	other := b.otherTenant(t, "other")
	theirs, err := other.analytics().GetStats(b.ctx, connect.NewRequest(&heraldv1.GetStatsRequest{}))
	require.NoError(t, err)
	require.Empty(t, theirs.Msg.GetRows())
}

// TestListEventsPagesWhileEventsAreWritten: a reader pages through the
// feed while notifications are sent and delivered; once everything is done
// and the reader has caught up, it has read every event of every delivery
// once, in no page twice, and nothing of another tenant.
func TestListEventsPagesWhileEventsAreWritten(t *testing.T) {
	t.Parallel()
	b := setup(t)
	recv := newReceiver(t, b.tenant.SigningSecret)
	b.webhookType(t, "ping", heraldv1.Channel_CHANNEL_WEBHOOK, heraldv1.Channel_CHANNEL_IN_APP)
	for i := range 4 {
		b.recipient(t, fmt.Sprint("u", i), recv.srv.URL)
	}
	other := b.otherTenant(t, "other")
	other.webhookType(t, "ping", heraldv1.Channel_CHANNEL_IN_APP)
	other.recipient(t, "u0", "")

	var (
		wg  sync.WaitGroup
		mu  sync.Mutex
		ids []string
	)
	for w := range 4 {
		wg.Go(func() {
			for i := range 8 {
				res := b.send(t, &heraldv1.SendRequest{MessageType: "ping", RecipientIds: []string{"u0", "u1", "u2", "u3"},
					Data: data(t, map[string]any{"order": w*100 + i})})
				mu.Lock()
				ids = append(ids, res.GetNotificationId())
				mu.Unlock()
			}
		})
	}
	wg.Go(func() {
		other.send(t, &heraldv1.SendRequest{MessageType: "ping", RecipientIds: []string{"u0"}, Data: data(t, map[string]any{"order": 1})})
	})
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()

	seen := map[string]int{}
	token := ""
	read := func() int {
		resp, err := b.analytics().ListEvents(b.ctx, connect.NewRequest(&heraldv1.ListEventsRequest{PageSize: 7, PageToken: token}))
		require.NoError(t, err)
		require.NotEmpty(t, resp.Msg.GetNextPageToken(), "always a token to come back with")
		for _, e := range resp.Msg.GetEvents() {
			seen[e.GetId()]++
		}
		token = resp.Msg.GetNextPageToken()
		return len(resp.Msg.GetEvents())
	}
	pages := 0
	for running := true; running; pages++ {
		select {
		case <-done:
			running = false
		default:
			read()
		}
	}
	var want []string
	for _, id := range ids {
		for _, d := range b.waitCompleted(t, id).GetDeliveries() {
			for _, e := range d.GetEvents() {
				want = append(want, e.GetId())
			}
		}
	}
	// The feed stops short of the oldest transaction running anywhere on
	// the server (another test's, say): catch up until it passes them.
	require.Eventually(t, func() bool {
		for read() > 0 {
		}
		return len(seen) >= len(want)
	}, 15*time.Second, 10*time.Millisecond)
	require.Greater(t, pages, 1, "the reader read while the writers wrote")
	require.Len(t, seen, len(want), "every event once, none of the other tenant")
	for _, id := range want {
		require.Equal(t, 1, seen[id], "event %s", id)
	}
	_, err := b.analytics().ListEvents(b.ctx, connect.NewRequest(&heraldv1.ListEventsRequest{PageToken: "not a token"}))
	require.Equal(t, connect.CodeInvalidArgument, connectCode(t, err))
}

// otherTenant creates another tenant with an API key, on b's Herald.
func (b *testBundle) otherTenant(t *testing.T, name string) *testBundle {
	t.Helper()
	tenant, err := b.app.Store().CreateTenant(b.ctx, name)
	require.NoError(t, err)
	key := store.NewAPIKey()
	_, err = b.app.Store().CreateAPIKey(b.ctx, tenant.ID, "test", key)
	require.NoError(t, err)
	o := &testBundle{ctx: b.ctx, app: b.app, tenant: tenant, key: key}
	o.notifications, o.recipients, o.messageTypes = clients(b.app.URL(), key)
	return o
}

func timestamppbOf(t time.Time) *timestamppb.Timestamp { return timestamppb.New(t) }
