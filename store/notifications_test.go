package store_test

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/stretchr/testify/require"

	"github.com/heraldhq/herald/store"
)

// batchArgs and oneArgs are shaped like the fan-out jobs' args, so River's
// own insert can write the rows InsertNotifications must match.
type batchArgs struct {
	NotificationIDs []uuid.UUID `json:"notification_ids"`
}

func (batchArgs) Kind() string { return "test.batch" }

type oneArgs struct {
	NotificationID uuid.UUID `json:"notification_id"`
}

func (oneArgs) Kind() string { return "test.one" }

// riverJob is what a job row holds besides its id and times.
type riverJob struct {
	Args, Metadata                  map[string]any
	Kind, Queue, State              string
	Attempt, MaxAttempts, Priority  int16
	Tags                            []string
	UniqueKey                       []byte
	AttemptedBy                     []string
	ScheduledAt                     time.Time
	HasUniqueStates, HasFinalizedAt bool
}

func readJobs(t *testing.T, b *testBundle, kind string) []riverJob {
	t.Helper()
	rows, err := b.st.Pool().Query(b.ctx, `SELECT args, metadata, kind, queue, state::text, attempt, max_attempts, priority,
		tags::text[], unique_key, attempted_by, scheduled_at, unique_states IS NOT NULL, finalized_at IS NOT NULL
		FROM river_job WHERE kind = $1 ORDER BY id`, kind)
	require.NoError(t, err)
	jobs, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (riverJob, error) {
		var j riverJob
		err := r.Scan(&j.Args, &j.Metadata, &j.Kind, &j.Queue, &j.State, &j.Attempt, &j.MaxAttempts, &j.Priority,
			&j.Tags, &j.UniqueKey, &j.AttemptedBy, &j.ScheduledAt, &j.HasUniqueStates, &j.HasFinalizedAt)
		return j, err
	})
	require.NoError(t, err)
	return jobs
}

// addWelcome gives the tenant message type "welcome" at version 1, which
// newNotification's notifications refer to.
func addWelcome(t *testing.T, b *testBundle) {
	t.Helper()
	_, err := store.New(b.st.Pool()).UpsertMessageType(b.ctx, b.tenant.ID, "welcome", store.MessageTypeSpec{
		Priority: store.PriorityNormal, Channels: []store.Channel{store.ChannelWebhook},
		Templates: store.Templates{Webhook: &store.WebhookTemplate{Body: "hi"}}})
	require.NoError(t, err)
}

func TestInsertNotificationsWritesRiverJobs(t *testing.T) {
	t.Parallel()
	b := setup(t)
	addWelcome(t, b)

	taken := newNotification(b.tenant.ID, "taken")
	_, err := b.st.InsertNotifications(b.ctx, []*store.Notification{taken}, nil, false)
	require.NoError(t, err)

	first, dup, later := newNotification(b.tenant.ID, ""), newNotification(b.tenant.ID, "taken"), newNotification(b.tenant.ID, "")
	at := time.Now().Add(time.Hour).Truncate(time.Microsecond)
	meta := json.RawMessage(`{"trace":"t1"}`)
	ins, err := b.st.InsertNotifications(b.ctx, []*store.Notification{first, dup, later}, []store.FanoutJob{
		{Kind: "test.batch", Queue: "q1", Priority: 2, MaxAttempts: 25, Metadata: meta, Arg: "notification_ids", Many: true,
			NotificationIDs: []uuid.UUID{first.ID, dup.ID}},
		{Kind: "test.one", Queue: "q2", Priority: 1, MaxAttempts: 7, ScheduledAt: &at, Arg: "notification_id",
			NotificationIDs: []uuid.UUID{later.ID}},
		{Kind: "test.one", Queue: "q2", Priority: 1, MaxAttempts: 7, Arg: "notification_id",
			NotificationIDs: []uuid.UUID{dup.ID}}, // names only a skipped notification: not written
	}, false)
	require.NoError(t, err)
	require.Equal(t, map[uuid.UUID]bool{first.ID: true, later.ID: true}, ins)

	// River's own insert of the same jobs, for comparison.
	client, err := river.NewClient(riverpgxv5.New(nil), &river.Config{})
	require.NoError(t, err)
	require.NoError(t, b.st.InTx(b.ctx, func(tx pgx.Tx) error {
		_, err := client.InsertManyTx(b.ctx, tx, []river.InsertManyParams{
			{Args: batchArgs{NotificationIDs: []uuid.UUID{first.ID}}, InsertOpts: &river.InsertOpts{Queue: "q1", Priority: 2, MaxAttempts: 25, Metadata: meta}},
			{Args: oneArgs{NotificationID: later.ID}, InsertOpts: &river.InsertOpts{Queue: "q2", Priority: 1, MaxAttempts: 7, ScheduledAt: at}},
		})
		return err
	}))
	ours, theirs := readJobs(t, b, "test.batch"), readJobs(t, b, "test.one")
	require.Len(t, ours, 2, "River's and ours")
	require.Len(t, theirs, 2, "River's and ours; none for the skipped notification")
	for _, pair := range [][2]riverJob{{ours[0], ours[1]}, {theirs[0], theirs[1]}} {
		written, rivers := pair[0], pair[1]
		if written.State == "available" {
			// Due now: when differs by the moments the rows were written.
			require.WithinDuration(t, rivers.ScheduledAt, written.ScheduledAt, time.Minute)
			written.ScheduledAt = rivers.ScheduledAt
		}
		require.Equal(t, rivers, written)
	}
	require.Equal(t, "scheduled", theirs[0].State)
	require.Equal(t, []any{first.ID.String()}, ours[0].Args["notification_ids"], "only the inserted notification")
}

func TestInsertNotificationsNotifiesRiver(t *testing.T) {
	t.Parallel()
	b := setup(t)
	addWelcome(t, b)
	conn, err := b.st.Pool().Acquire(b.ctx)
	require.NoError(t, err)
	defer conn.Release()
	_, err = conn.Exec(b.ctx, `LISTEN "public.river_insert"`)
	require.NoError(t, err)
	next := func() map[string]string {
		ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
		defer cancel()
		n, err := conn.Conn().WaitForNotification(ctx)
		require.NoError(t, err)
		var payload map[string]string
		require.NoError(t, json.Unmarshal([]byte(n.Payload), &payload))
		return payload
	}

	n := newNotification(b.tenant.ID, "")
	require.NoError(t, b.st.InTx(b.ctx, func(tx pgx.Tx) error {
		_, err := store.New(tx).InsertNotifications(b.ctx, []*store.Notification{n}, []store.FanoutJob{
			{Kind: "test.one", Queue: "fanout_normal", Priority: 2, MaxAttempts: 25, Arg: "notification_id", NotificationIDs: []uuid.UUID{n.ID}},
		}, true)
		return err
	}))
	require.Equal(t, map[string]string{"queue": "fanout_normal"}, next(), "the statement's own notification, at commit")

	require.NoError(t, b.st.NotifyJobsInserted(b.ctx, []string{"fanout_critical"}))
	require.Equal(t, map[string]string{"queue": "fanout_critical"}, next())
}
