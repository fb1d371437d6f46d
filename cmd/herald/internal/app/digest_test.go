package app_test

import (
	"fmt"
	"net/http"
	"sort"
	"sync"
	"testing"
	"time"

	"connectrpc.com/connect"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"
	"github.com/stretchr/testify/require"
	"google.golang.org/protobuf/types/known/timestamppb"

	heraldv1 "github.com/heraldhq/herald/gen/herald/v1"
	"github.com/heraldhq/herald/gen/herald/v1/heraldv1connect"
	"github.com/heraldhq/herald/jobs"
)

type digestBundle struct {
	*testBundle
	clock   *testClock
	recv    *receiver
	digests heraldv1connect.DigestServiceClient
	prefs   heraldv1connect.PreferenceServiceClient
}

// setupDigests starts Herald on a test clock, with a digestible webhook
// message type "update" and recipient u1 in Paris on a weekly digest,
// Mondays at 09:00.
func setupDigests(t *testing.T, start time.Time) *digestBundle {
	t.Helper()
	clock := newTestClock(start)
	b := setupWith(t, testConfig(t, nil), withClock(clock))
	d := &digestBundle{testBundle: b, clock: clock, recv: newReceiver(t, b.tenant.SigningSecret),
		digests: heraldv1connect.NewDigestServiceClient(http.DefaultClient, b.app.URL(), connect.WithInterceptors(bearer(b.key))),
		prefs:   b.preferences()}
	_, err := b.messageTypes.UpsertMessageType(b.ctx, connect.NewRequest(&heraldv1.UpsertMessageTypeRequest{MessageType: &heraldv1.MessageType{
		Key: "update", Channels: []heraldv1.Channel{heraldv1.Channel_CHANNEL_WEBHOOK}, Digestible: true,
		Templates:       &heraldv1.Templates{Webhook: &heraldv1.WebhookTemplate{Body: "{{.title}}"}},
		DigestTemplates: &heraldv1.Templates{Webhook: &heraldv1.WebhookTemplate{Body: "{{.count}} updates:{{range .items}} {{.title}}{{end}}"}},
	}}))
	require.NoError(t, err)
	_, err = b.recipients.UpsertRecipient(b.ctx, connect.NewRequest(&heraldv1.UpsertRecipientRequest{Recipient: &heraldv1.Recipient{
		Id: "u1", Timezone: "Europe/Paris", WebhookUrl: d.recv.srv.URL}}))
	require.NoError(t, err)
	d.setDigest(t, heraldv1.DigestCadence_DIGEST_CADENCE_WEEKLY, 1, 9)
	return d
}

func (d *digestBundle) setDigest(t *testing.T, cadence heraldv1.DigestCadence, weekday, hour int32) {
	t.Helper()
	_, err := d.prefs.UpdatePreferences(d.ctx, connect.NewRequest(&heraldv1.UpdatePreferencesRequest{RecipientId: "u1",
		Preferences: &heraldv1.Preferences{Digest: &heraldv1.DigestSettings{Cadence: cadence, Weekday: weekday, Hour: hour}}}))
	require.NoError(t, err)
}

func (d *digestBundle) get(t *testing.T) *heraldv1.GetDigestResponse {
	t.Helper()
	resp, err := d.digests.GetDigest(d.ctx, connect.NewRequest(&heraldv1.GetDigestRequest{RecipientId: "u1", MessageType: "update"}))
	require.NoError(t, err)
	return resp.Msg
}

// runDueFlush runs the digest's scheduled flush job now, as River would at
// its time, and waits for it to finish.
func (d *digestBundle) runDueFlush(t *testing.T) {
	t.Helper()
	dg, err := d.app.Store().GetDigest(d.ctx, d.tenant.ID, "u1", "update")
	require.NoError(t, err)
	require.NotNil(t, dg.JobID)
	_, err = d.app.River().JobRetry(d.ctx, *dg.JobID)
	require.NoError(t, err)
	require.Eventually(t, func() bool {
		job, err := d.app.River().JobGet(d.ctx, *dg.JobID)
		return err == nil && job.State == rivertype.JobStateCompleted
	}, 10*time.Second, 10*time.Millisecond)
}

// digestNotifications returns the notifications that carried u1's digests.
func (d *digestBundle) digestNotifications(t *testing.T) []*heraldv1.Notification {
	t.Helper()
	list, err := d.notifications.ListNotifications(d.ctx, connect.NewRequest(&heraldv1.ListNotificationsRequest{MessageType: "update", PageSize: 100}))
	require.NoError(t, err)
	var out []*heraldv1.Notification
	for _, n := range list.Msg.GetNotifications() {
		if _, ok := n.GetData().AsMap()["items"]; ok {
			out = append(out, n)
		}
	}
	return out
}

func TestWeeklyDigestCollectsAndSendsOnTheChosenDay(t *testing.T) {
	t.Parallel()
	// Wednesday 12 June 2030, noon in Paris. The test clock runs in the
	// future so that River leaves the scheduled flushes alone until the test
	// runs them.
	wed := time.Date(2030, 6, 12, 10, 0, 0, 0, time.UTC)
	d := setupDigests(t, wed)
	require.Equal(t, time.Date(2030, 6, 17, 7, 0, 0, 0, time.UTC), d.get(t).GetNextSendTime().AsTime(),
		"before any item, GetDigest says when the first would go: Monday 09:00 Paris")

	// Seven items over the week.
	var ids []string
	for i := range 7 {
		d.clock.Set(wed.Add(time.Duration(i) * 10 * time.Hour))
		res := d.send(t, &heraldv1.SendRequest{MessageType: "update", RecipientIds: []string{"u1"}, Data: data(t, map[string]any{"title": fmt.Sprint("t", i)})})
		n := d.waitCompleted(t, res.GetNotificationId())
		require.Equal(t, heraldv1.DeliveryStatus_DELIVERY_STATUS_DIGESTED, n.GetDeliveries()[0].GetStatus())
		require.Equal(t, "digested", n.GetDeliveries()[0].GetReason())
		ids = append(ids, res.GetNotificationId())
	}
	got := d.get(t)
	require.Len(t, got.GetItems(), 7)
	require.Equal(t, ids[0], got.GetItems()[0].GetNotificationId())
	require.Equal(t, heraldv1.DigestCadence_DIGEST_CADENCE_WEEKLY, got.GetCadence())
	require.Equal(t, time.Date(2030, 6, 17, 7, 0, 0, 0, time.UTC), got.GetNextSendTime().AsTime())
	require.Empty(t, d.recv.received(), "nothing went out yet")

	// Monday 09:00 in Paris: the flush sends one digest with all seven.
	d.clock.Set(time.Date(2030, 6, 17, 7, 0, 1, 0, time.UTC))
	d.runDueFlush(t)
	digests := d.digestNotifications(t)
	require.Len(t, digests, 1)
	n := d.waitCompleted(t, digests[0].GetId())
	require.Equal(t, heraldv1.DeliveryStatus_DELIVERY_STATUS_SENT, n.GetDeliveries()[0].GetStatus())
	posts := d.recv.received()
	require.Len(t, posts, 1)
	require.Equal(t, "7 updates: t0 t1 t2 t3 t4 t5 t6", posts[0].payload.Body)

	// Nothing pending; the next one is a week later.
	got = d.get(t)
	require.Empty(t, got.GetItems())
	require.Equal(t, time.Date(2030, 6, 24, 7, 0, 0, 0, time.UTC), got.GetNextSendTime().AsTime())

	// An empty digest sends nothing and still reschedules.
	d.clock.Set(time.Date(2030, 6, 24, 7, 0, 1, 0, time.UTC))
	d.runDueFlush(t)
	require.Len(t, d.digestNotifications(t), 1)
	require.Equal(t, time.Date(2030, 7, 1, 7, 0, 0, 0, time.UTC), d.get(t).GetNextSendTime().AsTime())
}

func TestChangingTheDigestDayMovesTheSend(t *testing.T) {
	t.Parallel()
	wed := time.Date(2030, 6, 12, 10, 0, 0, 0, time.UTC)
	d := setupDigests(t, wed)
	for i := range 5 {
		res := d.send(t, &heraldv1.SendRequest{MessageType: "update", RecipientIds: []string{"u1"}, Data: data(t, map[string]any{"title": fmt.Sprint("t", i)})})
		d.waitCompleted(t, res.GetNotificationId())
	}
	before, err := d.app.Store().GetDigest(d.ctx, d.tenant.ID, "u1", "update")
	require.NoError(t, err)
	require.Len(t, d.get(t).GetItems(), 5)

	// Mid-week, the recipient moves the digest to Fridays at 18:00.
	d.setDigest(t, heraldv1.DigestCadence_DIGEST_CADENCE_WEEKLY, 5, 18)
	got := d.get(t)
	require.Equal(t, time.Date(2030, 6, 14, 16, 0, 0, 0, time.UTC), got.GetNextSendTime().AsTime())
	require.Len(t, got.GetItems(), 5)
	old, err := d.app.River().JobGet(d.ctx, *before.JobID)
	require.NoError(t, err)
	require.Equal(t, rivertype.JobStateCancelled, old.State, "the Monday flush is gone, in the same transaction")

	// A move to New York moves it to Friday 18:00 there.
	_, err = d.recipients.UpsertRecipient(d.ctx, connect.NewRequest(&heraldv1.UpsertRecipientRequest{Recipient: &heraldv1.Recipient{
		Id: "u1", Timezone: "America/New_York", WebhookUrl: d.recv.srv.URL}}))
	require.NoError(t, err)
	require.Equal(t, time.Date(2030, 6, 14, 22, 0, 0, 0, time.UTC), d.get(t).GetNextSendTime().AsTime())

	d.clock.Set(time.Date(2030, 6, 14, 22, 0, 1, 0, time.UTC))
	d.runDueFlush(t)
	digests := d.digestNotifications(t)
	require.Len(t, digests, 1, "exactly one digest")
	require.EqualValues(t, 5, digests[0].GetData().AsMap()["count"])
	d.waitCompleted(t, digests[0].GetId())
	require.Len(t, d.recv.received(), 1)

	// Back to immediate: new items go out at once.
	d.setDigest(t, heraldv1.DigestCadence_DIGEST_CADENCE_IMMEDIATE, 0, 0)
	res := d.send(t, &heraldv1.SendRequest{MessageType: "update", RecipientIds: []string{"u1"}, Data: data(t, map[string]any{"title": "now"})})
	require.Equal(t, heraldv1.DeliveryStatus_DELIVERY_STATUS_SENT, d.waitCompleted(t, res.GetNotificationId()).GetDeliveries()[0].GetStatus())
	require.Nil(t, d.get(t).GetNextSendTime())
}

// TestDigestItemsArrivingDuringFlushes sends items while flushes run: every
// item ends in exactly one digest.
func TestDigestItemsArrivingDuringFlushes(t *testing.T) {
	t.Parallel()
	d := setupDigests(t, time.Date(2030, 6, 12, 10, 0, 0, 0, time.UTC))
	const items = 40
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		for i := range items {
			res, err := d.notifications.Send(d.ctx, connect.NewRequest(&heraldv1.SendRequest{MessageType: "update",
				RecipientIds: []string{"u1"}, Data: data(t, map[string]any{"title": fmt.Sprint("t", i)})}))
			if assertNoError(t, err) {
				d.waitCompleted(t, res.Msg.GetNotificationId())
			}
		}
	}()
	go func() {
		defer wg.Done()
		for range 15 {
			_, err := d.digests.FlushDigest(d.ctx, connect.NewRequest(&heraldv1.FlushDigestRequest{RecipientId: "u1", MessageType: "update"}))
			assertNoError(t, err)
			time.Sleep(5 * time.Millisecond)
		}
	}()
	wg.Wait()
	_, err := d.digests.FlushDigest(d.ctx, connect.NewRequest(&heraldv1.FlushDigestRequest{RecipientId: "u1", MessageType: "update"}))
	require.NoError(t, err)

	var seen []string
	for _, n := range d.digestNotifications(t) {
		for _, it := range n.GetData().AsMap()["items"].([]any) {
			seen = append(seen, it.(map[string]any)["title"].(string))
		}
	}
	sort.Strings(seen)
	var want []string
	for i := range items {
		want = append(want, fmt.Sprint("t", i))
	}
	sort.Strings(want)
	require.Equal(t, want, seen, "each item in exactly one digest")
	require.Empty(t, d.get(t).GetItems())
}

func TestFlushDigestSendsNowAndKeepsTheSchedule(t *testing.T) {
	t.Parallel()
	d := setupDigests(t, time.Date(2030, 6, 12, 10, 0, 0, 0, time.UTC))
	empty, err := d.digests.FlushDigest(d.ctx, connect.NewRequest(&heraldv1.FlushDigestRequest{RecipientId: "u1", MessageType: "update"}))
	require.NoError(t, err)
	require.Empty(t, empty.Msg.GetNotificationId())

	for i := range 3 {
		d.waitCompleted(t, d.send(t, &heraldv1.SendRequest{MessageType: "update", RecipientIds: []string{"u1"}, Data: data(t, map[string]any{"title": i})}).GetNotificationId())
	}
	next := d.get(t).GetNextSendTime().AsTime()
	res, err := d.digests.FlushDigest(d.ctx, connect.NewRequest(&heraldv1.FlushDigestRequest{RecipientId: "u1", MessageType: "update"}))
	require.NoError(t, err)
	require.EqualValues(t, 3, res.Msg.GetItemCount())
	d.waitCompleted(t, res.Msg.GetNotificationId())
	require.Len(t, d.recv.received(), 1)
	require.Equal(t, next, d.get(t).GetNextSendTime().AsTime())

	_, err = d.digests.GetDigest(d.ctx, connect.NewRequest(&heraldv1.GetDigestRequest{RecipientId: "nobody", MessageType: "update"}))
	require.Equal(t, connect.CodeNotFound, connectCode(t, err))
}

func TestSweeperReschedulesALostFlush(t *testing.T) {
	t.Parallel()
	d := setupDigests(t, time.Date(2030, 6, 12, 10, 0, 0, 0, time.UTC))
	d.waitCompleted(t, d.send(t, &heraldv1.SendRequest{MessageType: "update", RecipientIds: []string{"u1"}, Data: data(t, map[string]any{"title": "x"})}).GetNotificationId())
	dg, err := d.app.Store().GetDigest(d.ctx, d.tenant.ID, "u1", "update")
	require.NoError(t, err)
	// Lose the job, as a crash or an operator's cleanup might.
	_, err = d.app.Store().Pool().Exec(d.ctx, "DELETE FROM river_job WHERE id = $1", *dg.JobID)
	require.NoError(t, err)

	_, err = d.app.River().Insert(d.ctx, jobs.DigestSweepArgs{}, &river.InsertOpts{Queue: "digests"})
	require.NoError(t, err)
	require.Eventually(t, func() bool {
		now, err := d.app.Store().GetDigest(d.ctx, d.tenant.ID, "u1", "update")
		return err == nil && now.JobID != nil && *now.JobID != *dg.JobID
	}, 10*time.Second, 20*time.Millisecond)
	require.Equal(t, time.Date(2030, 6, 17, 7, 0, 0, 0, time.UTC), d.get(t).GetNextSendTime().AsTime())
}

func TestScheduledSendAYearOut(t *testing.T) {
	t.Parallel()
	b := setup(t)
	recv := newReceiver(t, b.tenant.SigningSecret)
	b.webhookType(t, "anniversary")
	b.recipient(t, "u1", recv.srv.URL)
	at := time.Now().Add(365 * 24 * time.Hour).Truncate(time.Second)
	res := b.send(t, &heraldv1.SendRequest{MessageType: "anniversary", RecipientIds: []string{"u1"}, SendAt: timestamppb.New(at)})
	n := b.get(t, res.GetNotificationId())
	require.Equal(t, heraldv1.NotificationStatus_NOTIFICATION_STATUS_SCHEDULED, n.GetStatus())
	require.True(t, at.Equal(n.GetSendAt().AsTime()))

	// The fan-out job waits in the database for its time.
	var state string
	var scheduled time.Time
	require.NoError(t, b.app.Store().Pool().QueryRow(b.ctx,
		`SELECT state, scheduled_at FROM river_job WHERE kind = 'herald.fanout' AND args->>'notification_id' = $1`,
		res.GetNotificationId()).Scan(&state, &scheduled))
	require.Equal(t, "scheduled", state)
	require.WithinDuration(t, at, scheduled, time.Second)
}
