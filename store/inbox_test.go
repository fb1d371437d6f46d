package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/heraldhq/herald/store"
)

// inboxItem inserts an in-app delivery and its inbox item for recipient,
// through q (a transaction, or the store).
func (b *testBundle) inboxItem(t *testing.T, q *store.Queries, recipient, title string) *store.InboxItem {
	t.Helper()
	n := newNotification(b.tenant.ID, "")
	_, err := q.InsertNotification(b.ctx, n)
	require.NoError(t, err)
	d := &store.Delivery{
		ID: uuid.Must(uuid.NewV7()), TenantID: b.tenant.ID, NotificationID: n.ID, RecipientID: recipient,
		Channel: store.ChannelInApp, Status: store.DeliverySent, MessageType: "welcome", MessageTypeVersion: 1,
		Priority: store.PriorityNormal, DueAt: time.Now(),
	}
	_, err = q.InsertDeliveries(b.ctx, []*store.Delivery{d})
	require.NoError(t, err)
	it := &store.InboxItem{
		ID: uuid.Must(uuid.NewV7()), TenantID: b.tenant.ID, RecipientID: recipient, DeliveryID: d.ID,
		NotificationID: n.ID, MessageType: "welcome", Title: title,
	}
	inserted, err := q.InsertInboxItem(b.ctx, it)
	require.NoError(t, err)
	require.True(t, inserted)
	return it
}

func titles(items []*store.InboxItem) []string {
	out := []string{}
	for _, it := range items {
		out = append(out, it.Title)
	}
	return out
}

// TestInboxItemsSinceSeesOutOfOrderCommits: a transaction that started (and
// took its created_at and id) before another but commits after it is still
// streamed, once.
func TestInboxItemsSinceSeesOutOfOrderCommits(t *testing.T) {
	t.Parallel()
	b := setup(t)
	b.inboxItem(t, b.st.Queries, "u1", "old")

	var cur store.InboxCursor
	items, err := b.st.InboxItemsSince(b.ctx, b.tenant.ID, "u1", &cur, 100)
	require.NoError(t, err)
	require.Empty(t, items, "what was there before the watch is not news")

	slow, err := b.st.Pool().Begin(b.ctx)
	require.NoError(t, err)
	defer slow.Rollback(b.ctx) //nolint:errcheck // committed below
	b.inboxItem(t, store.New(slow), "u1", "slow")

	b.inboxItem(t, b.st.Queries, "u1", "fast")
	b.inboxItem(t, b.st.Queries, "u2", "someone else's")
	items, err = b.st.InboxItemsSince(b.ctx, b.tenant.ID, "u1", &cur, 100)
	require.NoError(t, err)
	require.Equal(t, []string{"fast"}, titles(items))

	require.NoError(t, slow.Commit(b.ctx))
	items, err = b.st.InboxItemsSince(b.ctx, b.tenant.ID, "u1", &cur, 100)
	require.NoError(t, err)
	require.Equal(t, []string{"slow"}, titles(items), "committed late, created early: still news")

	items, err = b.st.InboxItemsSince(b.ctx, b.tenant.ID, "u1", &cur, 100)
	require.NoError(t, err)
	require.Empty(t, items, "nothing twice")

	// Pages: a short limit returns the rest next time.
	for _, title := range []string{"a", "b", "c"} {
		b.inboxItem(t, b.st.Queries, "u1", title)
	}
	items, err = b.st.InboxItemsSince(b.ctx, b.tenant.ID, "u1", &cur, 2)
	require.NoError(t, err)
	require.Equal(t, []string{"a", "b"}, titles(items))
	items, err = b.st.InboxItemsSince(b.ctx, b.tenant.ID, "u1", &cur, 2)
	require.NoError(t, err)
	require.Equal(t, []string{"c"}, titles(items))
}

func TestInboxReadArchiveAndList(t *testing.T) {
	t.Parallel()
	b := setup(t)
	var items []*store.InboxItem
	for _, title := range []string{"one", "two", "three"} {
		items = append(items, b.inboxItem(t, b.st.Queries, "u1", title))
	}
	other := b.inboxItem(t, b.st.Queries, "u2", "theirs")

	n, err := b.st.MarkInboxRead(b.ctx, b.tenant.ID, "u1", []uuid.UUID{items[0].ID, other.ID})
	require.NoError(t, err)
	require.EqualValues(t, 1, n, "another recipient's item is left alone")
	n, err = b.st.MarkInboxRead(b.ctx, b.tenant.ID, "u1", []uuid.UUID{items[0].ID})
	require.NoError(t, err)
	require.EqualValues(t, 0, n, "already read")
	_, err = b.st.ArchiveInboxItems(b.ctx, b.tenant.ID, "u1", []uuid.UUID{items[1].ID})
	require.NoError(t, err)

	count, err := b.st.InboxUnreadCount(b.ctx, b.tenant.ID, "u1")
	require.NoError(t, err)
	require.EqualValues(t, 1, count)
	count, err = b.st.InboxUnreadCount(b.ctx, b.tenant.ID, "u2")
	require.NoError(t, err)
	require.EqualValues(t, 1, count)

	list := func(f store.InboxFilter) []string {
		got, err := b.st.ListInbox(b.ctx, store.ListInboxParams{TenantID: b.tenant.ID, RecipientID: "u1", Filter: f, Limit: 10})
		require.NoError(t, err)
		return titles(got)
	}
	require.Equal(t, []string{"three", "one"}, list(store.InboxUnarchived))
	require.Equal(t, []string{"three"}, list(store.InboxUnread))
	require.Equal(t, []string{"one"}, list(store.InboxRead))
	require.Equal(t, []string{"two"}, list(store.InboxArchived))
	require.Equal(t, []string{"three", "two", "one"}, list(store.InboxAll))

	// Reads and archives are on the deliveries' timelines.
	evs, err := b.st.ListNotificationEvents(b.ctx, items[0].NotificationID)
	require.NoError(t, err)
	require.Len(t, evs, 1)
	require.Equal(t, store.EventRead, evs[0].Type)
	require.Equal(t, store.DeliverySent, evs[0].Status)
	evs, err = b.st.ListNotificationEvents(b.ctx, other.NotificationID)
	require.NoError(t, err)
	require.Empty(t, evs)
}

func TestListenerFansOutAndReconnects(t *testing.T) {
	t.Parallel()
	b := setup(t)
	ctx, cancel := context.WithCancel(b.ctx)
	l := store.NewListener(b.st.Pool(), store.InboxChannel, &store.ListenerOptions{MinBackoff: 10 * time.Millisecond})
	done := make(chan struct{})
	go func() { defer close(done); _ = l.Run(ctx) }()

	a1 := l.Subscribe(store.InboxKey(b.tenant.ID, "a"))
	a2 := l.Subscribe(store.InboxKey(b.tenant.ID, "a"))
	other := l.Subscribe(store.InboxKey(b.tenant.ID, "b"))
	defer other.Close()
	require.Eventually(t, l.Connected, 5*time.Second, 5*time.Millisecond)
	drain(a1, a2, other)

	notify := func(recipient string) {
		_, err := b.st.Pool().Exec(b.ctx, `SELECT pg_notify($1, $2)`, store.InboxChannel, store.InboxKey(b.tenant.ID, recipient))
		require.NoError(t, err)
	}
	notify("a")
	requireWoken(t, a1)
	requireWoken(t, a2)
	requireNotWoken(t, other)

	// Many notifications to a subscriber that does not read fold into one
	// pending wake-up; nothing blocks.
	for range 50 {
		notify("a")
	}
	requireWoken(t, a2)
	a2.Close()
	require.Equal(t, 2, l.Subscribers())

	// Kill the listening connection, as a Postgres restart would: the
	// listener reconnects, wakes everyone (notifications may have been lost
	// meanwhile) and hears new notifications.
	drain(a1, other)
	var killed bool
	err := b.st.Pool().QueryRow(b.ctx, `SELECT bool_and(pg_terminate_backend(pid)) FROM pg_stat_activity
		WHERE datname = current_database() AND application_name = $1`, store.ListenerApplicationName).Scan(&killed)
	require.NoError(t, err)
	require.True(t, killed)
	require.Eventually(t, func() bool { return l.Reconnects() == 1 && l.Connected() }, 5*time.Second, 5*time.Millisecond)
	requireWoken(t, a1)
	requireWoken(t, other)
	notify("a")
	requireWoken(t, a1)

	cancel()
	<-done
	select {
	case <-a1.Done():
	default:
		t.Fatal("subscriptions end when the listener stops")
	}
	require.False(t, l.Connected())
}

func drain(subs ...*store.Subscription) {
	for _, s := range subs {
		select {
		case <-s.C():
		default:
		}
	}
}

func requireWoken(t *testing.T, s *store.Subscription) {
	t.Helper()
	select {
	case <-s.C():
	case <-time.After(5 * time.Second):
		t.Fatal("subscription was not woken")
	}
}

func requireNotWoken(t *testing.T, s *store.Subscription) {
	t.Helper()
	select {
	case <-s.C():
		t.Fatal("subscription woken by another key")
	case <-time.After(100 * time.Millisecond):
	}
}
