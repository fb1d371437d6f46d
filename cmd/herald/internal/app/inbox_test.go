package app_test

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"connectrpc.com/connect"
	"github.com/stretchr/testify/require"
	"google.golang.org/protobuf/types/known/durationpb"
	"google.golang.org/protobuf/types/known/timestamppb"

	"github.com/heraldhq/herald/cmd/herald/internal/app"
	heraldv1 "github.com/heraldhq/herald/gen/herald/v1"
	"github.com/heraldhq/herald/gen/herald/v1/heraldv1connect"
	"github.com/heraldhq/herald/store"
)

// authTransport sets Authorization on every request, streams included.
type authTransport struct{ token string }

func (a authTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	r = r.Clone(r.Context())
	r.Header.Set("Authorization", "Bearer "+a.token)
	return http.DefaultTransport.RoundTrip(r)
}

// inboxToken mints an inbox token for recipient through the API.
func (b *testBundle) inboxToken(t testing.TB, recipient string, ttl time.Duration) string {
	t.Helper()
	resp, err := b.recipients.CreateInboxToken(b.ctx, connect.NewRequest(&heraldv1.CreateInboxTokenRequest{
		RecipientId: recipient, Ttl: durationpb.New(ttl)}))
	require.NoError(t, err)
	return resp.Msg.GetToken()
}

func inboxClient(url, token string) heraldv1connect.InboxServiceClient {
	return heraldv1connect.NewInboxServiceClient(&http.Client{Transport: authTransport{token}}, url)
}

// inApp sets up message type "ping" on the in-app channel and recipients.
func (b *testBundle) inApp(t testing.TB, recipients ...string) {
	t.Helper()
	b.webhookType(t, "ping", heraldv1.Channel_CHANNEL_IN_APP)
	for _, r := range recipients {
		b.recipient(t, r, "")
	}
}

// watch is a WatchInbox stream whose messages arrive on a channel.
type watch struct {
	msgs   chan *heraldv1.WatchInboxResponse
	done   chan error
	cancel context.CancelFunc
}

func startWatch(t *testing.T, client heraldv1connect.InboxServiceClient) *watch {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	stream, err := client.WatchInbox(ctx, connect.NewRequest(&heraldv1.WatchInboxRequest{}))
	require.NoError(t, err)
	w := &watch{msgs: make(chan *heraldv1.WatchInboxResponse, 100), done: make(chan error, 1), cancel: cancel}
	go func() {
		for stream.Receive() {
			w.msgs <- stream.Msg()
		}
		w.done <- stream.Err()
		stream.Close()
	}()
	t.Cleanup(cancel)
	return w
}

func (w *watch) next(t *testing.T) *heraldv1.WatchInboxResponse {
	t.Helper()
	select {
	case m := <-w.msgs:
		return m
	case err := <-w.done:
		t.Fatalf("stream ended: %v", err)
	case <-time.After(10 * time.Second):
		t.Fatal("no message on the stream")
	}
	return nil
}

func (w *watch) end(t *testing.T) error {
	t.Helper()
	select {
	case err := <-w.done:
		return err
	case <-time.After(10 * time.Second):
		t.Fatal("stream did not end")
	}
	return nil
}

func TestInboxLiveUpdates(t *testing.T) {
	t.Parallel()
	b := setup(t)
	b.inApp(t, "alice")
	inbox := inboxClient(b.app.URL(), b.inboxToken(t, "alice", time.Hour))

	w := startWatch(t, inbox)
	require.EqualValues(t, 0, w.next(t).GetUnreadCount(), "a watch starts with the count")
	require.Regexp(t, `(?m)^herald_inbox_watchers(\{[^}]*\})? 1$`, scrape(t, b.app.URL()))
	require.Eventually(t, func() bool {
		return regexp.MustCompile(`(?m)^herald_inbox_listener_connected(\{[^}]*\})? 1$`).MatchString(scrape(t, b.app.URL()))
	}, 5*time.Second, 10*time.Millisecond)

	res := b.send(t, &heraldv1.SendRequest{MessageType: "ping", RecipientIds: []string{"alice"}, Data: data(t, map[string]any{"order": "A-1"})})
	m := w.next(t)
	require.Equal(t, "Order A-1", m.GetItem().GetTitle())
	require.Equal(t, res.GetNotificationId(), m.GetItem().GetNotificationId())
	require.Equal(t, "ping", m.GetItem().GetMessageType())
	require.False(t, m.GetItem().GetRead())
	require.EqualValues(t, 1, m.GetUnreadCount())

	list, err := inbox.ListInbox(b.ctx, connect.NewRequest(&heraldv1.ListInboxRequest{}))
	require.NoError(t, err)
	require.Len(t, list.Msg.GetItems(), 1)
	itemID := list.Msg.GetItems()[0].GetId()
	require.Equal(t, m.GetItem().GetId(), itemID)

	read, err := inbox.MarkRead(b.ctx, connect.NewRequest(&heraldv1.MarkReadRequest{ItemIds: []string{itemID}}))
	require.NoError(t, err)
	require.EqualValues(t, 0, read.Msg.GetUnreadCount())
	m = w.next(t)
	require.Nil(t, m.GetItem(), "a count change alone carries no item")
	require.EqualValues(t, 0, m.GetUnreadCount())

	count, err := inbox.UnreadCount(b.ctx, connect.NewRequest(&heraldv1.UnreadCountRequest{}))
	require.NoError(t, err)
	require.EqualValues(t, 0, count.Msg.GetCount())

	// Two more, then all read at once; then archive one.
	for i := range 2 {
		b.send(t, &heraldv1.SendRequest{MessageType: "ping", RecipientIds: []string{"alice"}, Data: data(t, map[string]any{"order": i})})
	}
	require.NotNil(t, w.next(t).GetItem())
	require.EqualValues(t, 2, w.next(t).GetUnreadCount())
	all, err := inbox.MarkAllRead(b.ctx, connect.NewRequest(&heraldv1.MarkAllReadRequest{}))
	require.NoError(t, err)
	require.EqualValues(t, 0, all.Msg.GetUnreadCount())
	require.EqualValues(t, 0, w.next(t).GetUnreadCount())
	_, err = inbox.Archive(b.ctx, connect.NewRequest(&heraldv1.ArchiveRequest{ItemIds: []string{itemID}}))
	require.NoError(t, err)
	archived, err := inbox.ListInbox(b.ctx, connect.NewRequest(&heraldv1.ListInboxRequest{Filter: heraldv1.InboxFilter_INBOX_FILTER_ARCHIVED}))
	require.NoError(t, err)
	require.Len(t, archived.Msg.GetItems(), 1)
	require.True(t, archived.Msg.GetItems()[0].GetArchived())

	// The read and the archive are on the delivery's timeline.
	n := b.get(t, res.GetNotificationId())
	require.Equal(t, []string{"queued", "rendered", "attempt", "sent", "read", "archived"}, eventTypes(n.GetDeliveries()[0]))
}

func scrape(t *testing.T, url string) string {
	t.Helper()
	resp, err := http.Get(url + "/metrics")
	require.NoError(t, err)
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return string(body)
}

func TestListInboxPagesAndFilters(t *testing.T) {
	t.Parallel()
	b := setup(t)
	b.inApp(t, "alice")
	var ids []string
	for i := range 7 {
		ids = append(ids, b.send(t, &heraldv1.SendRequest{MessageType: "ping", RecipientIds: []string{"alice"}, Data: data(t, map[string]any{"order": i})}).GetNotificationId())
	}
	for _, id := range ids {
		b.waitCompleted(t, id)
	}
	inbox := inboxClient(b.app.URL(), b.inboxToken(t, "alice", time.Hour))

	var (
		titles []string
		times  []time.Time
	)
	token := ""
	for pages := 0; ; pages++ {
		require.Less(t, pages, 4)
		resp, err := inbox.ListInbox(b.ctx, connect.NewRequest(&heraldv1.ListInboxRequest{PageSize: 3, PageToken: token}))
		require.NoError(t, err)
		for _, it := range resp.Msg.GetItems() {
			titles = append(titles, it.GetTitle())
			times = append(times, it.GetCreateTime().AsTime())
		}
		if token = resp.Msg.GetNextPageToken(); token == "" {
			break
		}
		require.NotContains(t, token, "alice", "page tokens are opaque")
	}
	require.Len(t, titles, 7)
	require.ElementsMatch(t, []string{"Order 0", "Order 1", "Order 2", "Order 3", "Order 4", "Order 5", "Order 6"}, titles)
	require.True(t, slices.IsSortedFunc(times, func(a, b time.Time) int { return b.Compare(a) }), "newest first")

	first, err := inbox.ListInbox(b.ctx, connect.NewRequest(&heraldv1.ListInboxRequest{PageSize: 2}))
	require.NoError(t, err)
	_, err = inbox.ListInbox(b.ctx, connect.NewRequest(&heraldv1.ListInboxRequest{
		PageToken: first.Msg.GetNextPageToken(), Filter: heraldv1.InboxFilter_INBOX_FILTER_UNREAD}))
	require.Equal(t, connect.CodeInvalidArgument, connectCode(t, err))
	require.Contains(t, err.Error(), "page_token")
	_, err = inbox.ListInbox(b.ctx, connect.NewRequest(&heraldv1.ListInboxRequest{PageToken: "%%%"}))
	require.Equal(t, connect.CodeInvalidArgument, connectCode(t, err))
	_, err = inbox.ListInbox(b.ctx, connect.NewRequest(&heraldv1.ListInboxRequest{PageSize: 101}))
	require.Equal(t, connect.CodeInvalidArgument, connectCode(t, err))
	require.Contains(t, err.Error(), "page_size")
	_, err = inbox.MarkRead(b.ctx, connect.NewRequest(&heraldv1.MarkReadRequest{ItemIds: []string{"nope"}}))
	require.Equal(t, connect.CodeInvalidArgument, connectCode(t, err))
	require.Contains(t, err.Error(), "item_ids")

	_, err = inbox.MarkRead(b.ctx, connect.NewRequest(&heraldv1.MarkReadRequest{ItemIds: []string{first.Msg.GetItems()[0].GetId()}}))
	require.NoError(t, err)
	for filter, want := range map[heraldv1.InboxFilter]int{
		heraldv1.InboxFilter_INBOX_FILTER_UNREAD: 6, heraldv1.InboxFilter_INBOX_FILTER_READ: 1,
		heraldv1.InboxFilter_INBOX_FILTER_ARCHIVED: 0, heraldv1.InboxFilter_INBOX_FILTER_ALL: 7,
	} {
		resp, err := inbox.ListInbox(b.ctx, connect.NewRequest(&heraldv1.ListInboxRequest{Filter: filter, PageSize: 100}))
		require.NoError(t, err)
		require.Len(t, resp.Msg.GetItems(), want, filter.String())
	}
}

// TestInboxIsScopedToTheTokenRecipient: an inbox token reads and changes
// its recipient's inbox and nothing else, in no other tenant, and only
// until it expires.
func TestInboxIsScopedToTheTokenRecipient(t *testing.T) {
	t.Parallel()
	b := setup(t)
	b.inApp(t, "alice", "bob")
	bobsNotification := b.send(t, &heraldv1.SendRequest{MessageType: "ping", RecipientIds: []string{"bob"}, Data: data(t, map[string]any{"order": "bob"})})
	b.waitCompleted(t, bobsNotification.GetNotificationId())
	bob := inboxClient(b.app.URL(), b.inboxToken(t, "bob", time.Hour))
	bobsItems, err := bob.ListInbox(b.ctx, connect.NewRequest(&heraldv1.ListInboxRequest{}))
	require.NoError(t, err)
	require.Len(t, bobsItems.Msg.GetItems(), 1)
	bobsItem := bobsItems.Msg.GetItems()[0].GetId()

	// Another tenant, with a recipient called alice too and an item for her.
	globex, err := b.app.Store().CreateTenant(b.ctx, "globex")
	require.NoError(t, err)
	globexKey := store.NewAPIKey()
	_, err = b.app.Store().CreateAPIKey(b.ctx, globex.ID, "globex", globexKey)
	require.NoError(t, err)
	other := &testBundle{ctx: b.ctx, app: b.app, tenant: globex, key: globexKey}
	other.notifications, other.recipients, other.messageTypes = clients(b.app.URL(), globexKey)
	other.inApp(t, "alice")
	other.waitCompleted(t, other.send(t, &heraldv1.SendRequest{MessageType: "ping", RecipientIds: []string{"alice"},
		Data: data(t, map[string]any{"order": "globex"})}).GetNotificationId())
	otherAlice := inboxClient(b.app.URL(), other.inboxToken(t, "alice", time.Hour))

	aliceToken := b.inboxToken(t, "alice", time.Hour)
	alice := inboxClient(b.app.URL(), aliceToken)
	w := startWatch(t, alice)
	require.EqualValues(t, 0, w.next(t).GetUnreadCount())

	list, err := alice.ListInbox(b.ctx, connect.NewRequest(&heraldv1.ListInboxRequest{Filter: heraldv1.InboxFilter_INBOX_FILTER_ALL}))
	require.NoError(t, err)
	require.Empty(t, list.Msg.GetItems(), "bob's item is not alice's")
	_, err = alice.MarkRead(b.ctx, connect.NewRequest(&heraldv1.MarkReadRequest{ItemIds: []string{bobsItem}}))
	require.NoError(t, err, "unknown ids are ignored, not reported: they may be someone else's")
	_, err = alice.Archive(b.ctx, connect.NewRequest(&heraldv1.ArchiveRequest{ItemIds: []string{bobsItem}}))
	require.NoError(t, err)
	_, err = alice.MarkAllRead(b.ctx, connect.NewRequest(&heraldv1.MarkAllReadRequest{}))
	require.NoError(t, err)
	count, err := bob.UnreadCount(b.ctx, connect.NewRequest(&heraldv1.UnreadCountRequest{}))
	require.NoError(t, err)
	require.EqualValues(t, 1, count.Msg.GetCount(), "bob's item is untouched")
	bobsItems, err = bob.ListInbox(b.ctx, connect.NewRequest(&heraldv1.ListInboxRequest{}))
	require.NoError(t, err)
	require.False(t, bobsItems.Msg.GetItems()[0].GetRead())
	require.False(t, bobsItems.Msg.GetItems()[0].GetArchived())

	// Bob's new item does not reach alice's stream; hers does.
	b.send(t, &heraldv1.SendRequest{MessageType: "ping", RecipientIds: []string{"bob"}, Data: data(t, map[string]any{"order": "bob 2"})})
	b.send(t, &heraldv1.SendRequest{MessageType: "ping", RecipientIds: []string{"alice"}, Data: data(t, map[string]any{"order": "alice"})})
	m := w.next(t)
	require.Equal(t, "Order alice", m.GetItem().GetTitle())
	require.EqualValues(t, 1, m.GetUnreadCount())

	// The same recipient id in another tenant is another inbox.
	otherList, err := otherAlice.ListInbox(b.ctx, connect.NewRequest(&heraldv1.ListInboxRequest{Filter: heraldv1.InboxFilter_INBOX_FILTER_ALL}))
	require.NoError(t, err)
	require.Len(t, otherList.Msg.GetItems(), 1)
	require.Equal(t, "Order globex", otherList.Msg.GetItems()[0].GetTitle())
	_, err = otherAlice.MarkAllRead(b.ctx, connect.NewRequest(&heraldv1.MarkAllReadRequest{}))
	require.NoError(t, err)
	count, err = alice.UnreadCount(b.ctx, connect.NewRequest(&heraldv1.UnreadCountRequest{}))
	require.NoError(t, err)
	require.EqualValues(t, 1, count.Msg.GetCount(), "globex's alice read hers, not acme's alice")

	// Credentials do not cross over.
	withKey := inboxClient(b.app.URL(), b.key)
	_, err = withKey.ListInbox(b.ctx, connect.NewRequest(&heraldv1.ListInboxRequest{}))
	require.Equal(t, connect.CodeUnauthenticated, connectCode(t, err), "an API key is not an inbox token")
	notifications, _, _ := clients(b.app.URL(), aliceToken)
	_, err = notifications.ListNotifications(b.ctx, connect.NewRequest(&heraldv1.ListNotificationsRequest{}))
	require.Equal(t, connect.CodeUnauthenticated, connectCode(t, err), "an inbox token is not an API key")
	tampered := strings.Replace(aliceToken, ".", "x.", 1)
	_, err = inboxClient(b.app.URL(), tampered).UnreadCount(b.ctx, connect.NewRequest(&heraldv1.UnreadCountRequest{}))
	require.Equal(t, connect.CodeUnauthenticated, connectCode(t, err))

	// A stream ends when its token expires.
	short := inboxClient(b.app.URL(), b.inboxToken(t, "alice", time.Second))
	sw := startWatch(t, short)
	sw.next(t)
	require.Equal(t, connect.CodeUnauthenticated, connect.CodeOf(sw.end(t)))
	_, err = short.UnreadCount(b.ctx, connect.NewRequest(&heraldv1.UnreadCountRequest{}))
	require.Equal(t, connect.CodeUnauthenticated, connectCode(t, err))
	require.Contains(t, err.Error(), "expired")
}

// TestWatchInboxAcrossProcesses: the process a browser watches through is
// not the one that delivers; Postgres NOTIFY carries the news between them.
func TestWatchInboxAcrossProcesses(t *testing.T) {
	t.Parallel()
	cfg := testConfig(t, nil)
	worker := setupWith(t, cfg)
	apiCfg := cfg
	apiCfg.Role = app.RoleAPI
	api := setupWith(t, apiCfg)
	worker.inApp(t, "alice")

	w := startWatch(t, inboxClient(api.app.URL(), api.inboxToken(t, "alice", time.Hour)))
	w.next(t)
	worker.send(t, &heraldv1.SendRequest{MessageType: "ping", RecipientIds: []string{"alice"}, Data: data(t, map[string]any{"order": "x"})})
	require.Equal(t, "Order x", w.next(t).GetItem().GetTitle())
}

// TestWatchSurvivesListenerReconnect: when the listening connection dies
// (a Postgres restart looks the same from here) streams stay open, and
// once the listener is back they get what was delivered meanwhile and
// after.
func TestWatchSurvivesListenerReconnect(t *testing.T) {
	t.Parallel()
	b := setup(t)
	b.inApp(t, "alice")
	w := startWatch(t, inboxClient(b.app.URL(), b.inboxToken(t, "alice", time.Hour)))
	w.next(t)

	var killed bool
	require.NoError(t, b.app.Store().Pool().QueryRow(b.ctx, `SELECT bool_and(pg_terminate_backend(pid)) FROM pg_stat_activity
		WHERE datname = current_database() AND application_name = $1`, store.ListenerApplicationName).Scan(&killed))
	require.True(t, killed)
	b.send(t, &heraldv1.SendRequest{MessageType: "ping", RecipientIds: []string{"alice"}, Data: data(t, map[string]any{"order": "during"})})
	require.Equal(t, "Order during", w.next(t).GetItem().GetTitle())
	require.Eventually(t, func() bool {
		return regexp.MustCompile(`(?m)^herald_inbox_listener_reconnects_total(\{[^}]*\})? 1$`).MatchString(scrape(t, b.app.URL()))
	}, 5*time.Second, 10*time.Millisecond)
	b.send(t, &heraldv1.SendRequest{MessageType: "ping", RecipientIds: []string{"alice"}, Data: data(t, map[string]any{"order": "after"})})
	require.Equal(t, "Order after", w.next(t).GetItem().GetTitle())
}

// TestShutdownEndsWatchStreams: open streams do not hold a stopping
// process; clients are told to reconnect elsewhere.
func TestShutdownEndsWatchStreams(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	a, err := app.New(ctx, testConfig(t, nil), &app.Options{Logger: slog.New(slog.NewTextHandler(t.Output(), &slog.HandlerOptions{Level: slog.LevelWarn}))})
	require.NoError(t, err)
	require.NoError(t, a.Start(ctx))
	b := bundleFor(t, a)
	b.inApp(t, "alice")
	w := startWatch(t, inboxClient(a.URL(), b.inboxToken(t, "alice", time.Hour)))
	w.next(t)

	shutdownCtx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	require.NoError(t, a.Shutdown(shutdownCtx), "open streams do not hold up shutdown")
	require.Equal(t, connect.CodeUnavailable, connect.CodeOf(w.end(t)))
}

func TestOperatorQueueStats(t *testing.T) {
	t.Parallel()
	b := setup(t)
	ops := func(key string) heraldv1connect.OperatorServiceClient {
		return heraldv1connect.NewOperatorServiceClient(&http.Client{Transport: authTransport{key}}, b.app.URL())
	}
	_, err := ops(b.key).GetQueueStats(b.ctx, connect.NewRequest(&heraldv1.GetQueueStatsRequest{}))
	require.Equal(t, connect.CodePermissionDenied, connectCode(t, err))
	require.Contains(t, err.Error(), "--operator")

	key := store.NewAPIKey()
	k, err := b.app.Store().CreateAPIKey(b.ctx, b.tenant.ID, "ops", key)
	require.NoError(t, err)
	require.NoError(t, b.app.Store().SetAPIKeyOperator(b.ctx, b.tenant.ID, k.ID, true))

	b.inApp(t, "alice")
	b.send(t, &heraldv1.SendRequest{MessageType: "ping", RecipientIds: []string{"alice"},
		SendAt: timestamppb.New(time.Now().Add(time.Hour)), Data: data(t, map[string]any{"order": 1})})
	resp, err := ops(key).GetQueueStats(b.ctx, connect.NewRequest(&heraldv1.GetQueueStatsRequest{}))
	require.NoError(t, err)
	byName := map[string]*heraldv1.QueueStats{}
	for _, q := range resp.Msg.GetQueues() {
		byName[q.GetQueue()] = q
	}
	require.Contains(t, byName, "critical_email", "empty lanes are listed too")
	require.EqualValues(t, 1, byName["fanout_normal"].GetScheduled(), "the scheduled send waits in its fan-out lane")
	require.Zero(t, byName["normal_in_app"].GetAvailable())
}

func TestCORSForBrowsers(t *testing.T) {
	t.Parallel()
	b := setupWith(t, testConfig(t, map[string]string{"HERALD_CORS_ORIGINS": "https://app.example.com, http://localhost:5173"}))
	preflight := func(origin string) *http.Response {
		req, _ := http.NewRequest(http.MethodOptions, b.app.URL()+"/herald.v1.InboxService/ListInbox", nil)
		req.Header.Set("Origin", origin)
		req.Header.Set("Access-Control-Request-Method", "POST")
		req.Header.Set("Access-Control-Request-Headers", "authorization,connect-protocol-version,content-type" /* sorted, as browsers send it */)
		resp, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		resp.Body.Close()
		return resp
	}
	ok := preflight("https://app.example.com")
	require.Equal(t, "https://app.example.com", ok.Header.Get("Access-Control-Allow-Origin"))
	require.Contains(t, strings.ToLower(ok.Header.Get("Access-Control-Allow-Headers")), "authorization")
	require.Empty(t, preflight("https://evil.example.com").Header.Get("Access-Control-Allow-Origin"))

	_, err := app.ConfigFromEnv(func(k string) string {
		return map[string]string{"HERALD_CORS_ORIGINS": "https://app.example.com/path"}[k]
	})
	require.ErrorContains(t, err, "HERALD_CORS_ORIGINS")
}

// lockedBuffer collects log output from several goroutines.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestCredentialsStayOutOfLogs runs every kind of credential through
// Herald, good and bad, with debug logs on, and looks for them in the log.
func TestCredentialsStayOutOfLogs(t *testing.T) {
	t.Parallel()
	var logs lockedBuffer
	logger := slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	b := setupLogged(t, testConfig(t, map[string]string{"HERALD_LOG_LEVEL": "debug"}), logger)
	b.inApp(t, "alice")
	token := b.inboxToken(t, "alice", time.Hour)
	expired := b.inboxToken(t, "alice", time.Second)
	inbox := inboxClient(b.app.URL(), token)
	w := startWatch(t, inbox)
	w.next(t)
	res := b.send(t, &heraldv1.SendRequest{MessageType: "ping", RecipientIds: []string{"alice"}, Data: data(t, map[string]any{"order": 1})})
	w.next(t)
	b.waitCompleted(t, res.GetNotificationId())
	_, err := inbox.MarkAllRead(b.ctx, connect.NewRequest(&heraldv1.MarkAllReadRequest{}))
	require.NoError(t, err)
	time.Sleep(1100 * time.Millisecond) // let the short token expire
	secrets := []string{b.key, token, expired, b.key + "x", token + "x"}
	for _, cred := range secrets {
		if cred != token {
			_, err := inboxClient(b.app.URL(), cred).UnreadCount(b.ctx, connect.NewRequest(&heraldv1.UnreadCountRequest{}))
			require.Equal(t, connect.CodeUnauthenticated, connectCode(t, err))
		}
		if cred != b.key {
			notifications, _, _ := clients(b.app.URL(), cred)
			_, err := notifications.ListNotifications(b.ctx, connect.NewRequest(&heraldv1.ListNotificationsRequest{}))
			require.Equal(t, connect.CodeUnauthenticated, connectCode(t, err))
		}
	}
	w.cancel()
	w.end(t)

	out := logs.String()
	require.NotEmpty(t, out, "debug logging was on")
	for _, s := range secrets {
		require.NotContains(t, out, s)
		// Nor a recognisable part of one (a token's signature, a key's tail).
		require.NotContains(t, out, s[len(s)-20:])
	}
}
