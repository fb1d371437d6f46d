package store_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/heraldhq/herald/store"
	"github.com/heraldhq/herald/store/storetest"
)

// BenchmarkInbox10k reads the inbox of a recipient with 10,000 items (a
// third unread) in a table of 100,000 items across 10 recipients.
//
//	go test -run '^$' -bench Inbox10k ./store/
func BenchmarkInbox10k(b *testing.B) {
	ctx := context.Background()
	st := store.NewStore(storetest.NewPool(b))
	tenant, err := st.CreateTenant(ctx, "acme")
	require.NoError(b, err)
	_, err = st.Pool().Exec(ctx, `
		INSERT INTO notifications (id, tenant_id, message_type, message_type_version, priority, recipient_ids, status, created_at)
		SELECT gen_random_uuid(), $1, 'ping', 1, 'normal', ARRAY['r' || (g % 10)], 'processing', now() - g * interval '1 second'
		FROM generate_series(1, 100000) g`, tenant.ID)
	require.NoError(b, err)
	_, err = st.Pool().Exec(ctx, `
		INSERT INTO deliveries (id, tenant_id, notification_id, recipient_id, channel, status, message_type, message_type_version, priority, created_at)
		SELECT gen_random_uuid(), tenant_id, id, recipient_ids[1], 'in_app', 'sent', 'ping', 1, 'normal', created_at FROM notifications`)
	require.NoError(b, err)
	_, err = st.Pool().Exec(ctx, `
		INSERT INTO inbox_items (id, tenant_id, recipient_id, delivery_id, notification_id, message_type, title, body, read_at, created_at)
		SELECT gen_random_uuid(), tenant_id, recipient_id, id, notification_id, 'ping', 'Order shipped', 'It is on its way.',
			CASE WHEN random() < 0.66 THEN created_at END, created_at
		FROM deliveries`)
	require.NoError(b, err)
	_, err = st.Pool().Exec(ctx, `ANALYZE`)
	require.NoError(b, err)

	params := store.ListInboxParams{TenantID: tenant.ID, RecipientID: "r0", Limit: 21}
	// The cursor of page 250 (item 5,000).
	deep, err := st.ListInbox(ctx, store.ListInboxParams{TenantID: tenant.ID, RecipientID: "r0", Limit: 5000})
	require.NoError(b, err)
	cursor := deep[len(deep)-1]

	unread, deepPage := params, params
	unread.Filter = store.InboxUnread
	deepPage.BeforeTime, deepPage.BeforeID = cursor.CreatedAt, cursor.ID
	for _, c := range []struct {
		name string
		p    store.ListInboxParams
	}{{"first-page", params}, {"unread-first-page", unread}, {"page-250", deepPage}} {
		p := c.p
		b.Run("ListInbox/"+c.name, func(b *testing.B) {
			for b.Loop() {
				items, err := st.ListInbox(ctx, p)
				require.NoError(b, err)
				require.Len(b, items, 21)
			}
		})
	}
	b.Run("UnreadCount", func(b *testing.B) {
		for b.Loop() {
			n, err := st.InboxUnreadCount(ctx, tenant.ID, "r0")
			require.NoError(b, err)
			require.Positive(b, n)
		}
	})
	b.Run("InboxItemsSince/nothing-new", func(b *testing.B) {
		var cur store.InboxCursor
		_, err := st.InboxItemsSince(ctx, tenant.ID, "r0", &cur, 100)
		require.NoError(b, err)
		for b.Loop() {
			items, err := st.InboxItemsSince(ctx, tenant.ID, "r0", &cur, 100)
			require.NoError(b, err)
			require.Empty(b, items)
		}
	})
}
