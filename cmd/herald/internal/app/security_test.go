package app_test

import (
	"encoding/base64"
	"encoding/hex"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"connectrpc.com/connect"
	"github.com/stretchr/testify/require"

	heraldv1 "github.com/heraldhq/herald/gen/herald/v1"
	"github.com/heraldhq/herald/server"
	"github.com/heraldhq/herald/store"
	"github.com/heraldhq/herald/store/storetest"
)

// TestOversizedRequestsAreRefused: a request message over the limit (4
// MiB) is refused with ResourceExhausted and a message saying so, whether
// it arrives as is or compressed (the limit applies after
// decompression), and whoever sends it.
func TestOversizedRequestsAreRefused(t *testing.T) {
	t.Parallel()
	b := setup(t)
	b.webhookType(t, "alert")
	big := strings.Repeat("x", server.DefaultMaxRequestBytes+1)
	req := &heraldv1.SendRequest{MessageType: "alert", RecipientIds: []string{"u1"}, Data: data(t, map[string]any{"order": big})}

	_, err := b.notifications.Send(b.ctx, connect.NewRequest(req))
	require.Equal(t, connect.CodeResourceExhausted, connectCode(t, err), "%v", err)
	require.Contains(t, err.Error(), "larger than configured max")

	gzipped, _, _ := clients(b.app.URL(), b.key, connect.WithSendGzip())
	_, err = gzipped.Send(b.ctx, connect.NewRequest(req))
	require.Equal(t, connect.CodeResourceExhausted, connectCode(t, err), "a small compressed body that inflates past the limit: %v", err)

	// Without credentials too (the body is read, up to the limit, before
	// the key is checked).
	anonymous, _, _ := clients(b.app.URL(), "")
	_, err = anonymous.Send(b.ctx, connect.NewRequest(req))
	require.Equal(t, connect.CodeResourceExhausted, connectCode(t, err), "%v", err)

	// Just under the limit is fine.
	small := &heraldv1.SendRequest{MessageType: "alert", RecipientIds: []string{"u1"},
		Data: data(t, map[string]any{"order": strings.Repeat("x", server.DefaultMaxRequestBytes/2)})}
	_, err = b.notifications.Send(b.ctx, connect.NewRequest(small))
	require.NoError(t, err)
}

// TestSecretsStayOutOfDebugLogs runs Herald at debug level with a
// bootstrap API key and a database password, sends webhooks (signed with
// the tenant's secret) and in-app notifications, authenticates with good,
// wrong and revoked keys and inbox tokens, and then looks for every secret
// in the log and in the answers to the bad calls.
func TestSecretsStayOutOfDebugLogs(t *testing.T) {
	t.Parallel()
	var logs lockedBuffer
	logger := slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	bootstrap := "bootstrap-" + strings.TrimPrefix(store.NewAPIKey(), "hk_")
	// Trust authentication ignores the password; Herald must still never
	// print it.
	u, err := url.Parse(storetest.NewDatabase(t))
	require.NoError(t, err)
	const dbPassword = "db-password-never-logged"
	u.User = url.UserPassword(u.User.Username(), dbPassword)
	b := setupLogged(t, testConfig(t, map[string]string{
		"HERALD_LOG_LEVEL": "debug", "HERALD_BOOTSTRAP_API_KEY": bootstrap, "HERALD_DATABASE_URL": u.String(),
	}), logger)
	recv := newReceiver(t, b.tenant.SigningSecret)
	b.webhookType(t, "ping", heraldv1.Channel_CHANNEL_WEBHOOK, heraldv1.Channel_CHANNEL_IN_APP)
	b.recipient(t, "alice", recv.srv.URL)
	b.waitCompleted(t, b.send(t, &heraldv1.SendRequest{MessageType: "ping", RecipientIds: []string{"alice"},
		Data: data(t, map[string]any{"order": 1})}).GetNotificationId())
	require.Len(t, recv.received(), 1)
	require.True(t, recv.received()[0].signatureValid)

	token := b.inboxToken(t, "alice", time.Hour)
	_, err = inboxClient(b.app.URL(), token).ListInbox(b.ctx, connect.NewRequest(&heraldv1.ListInboxRequest{}))
	require.NoError(t, err)
	viaBootstrap, _, _ := clients(b.app.URL(), bootstrap)
	_, err = viaBootstrap.ListNotifications(b.ctx, connect.NewRequest(&heraldv1.ListNotificationsRequest{}))
	require.NoError(t, err, "the bootstrap key works")

	revoked := store.NewAPIKey()
	k, err := b.app.Store().CreateAPIKey(b.ctx, b.tenant.ID, "temp", revoked)
	require.NoError(t, err)
	require.NoError(t, b.app.Store().RevokeAPIKey(b.ctx, b.tenant.ID, k.ID))

	var answers []string
	for _, bad := range []string{bootstrap + "x", b.key + "x", revoked, token} {
		notifications, _, _ := clients(b.app.URL(), bad)
		_, err := notifications.ListNotifications(b.ctx, connect.NewRequest(&heraldv1.ListNotificationsRequest{}))
		require.Equal(t, connect.CodeUnauthenticated, connectCode(t, err), "%v", err)
		answers = append(answers, err.Error())
	}
	for _, bad := range []string{token + "x", bootstrap} {
		_, err := inboxClient(b.app.URL(), bad).UnreadCount(b.ctx, connect.NewRequest(&heraldv1.UnreadCountRequest{}))
		require.Equal(t, connect.CodeUnauthenticated, connectCode(t, err))
		answers = append(answers, err.Error())
	}
	// The raw HTTP answer to a bad key, headers included.
	req, _ := http.NewRequest(http.MethodPost, b.app.URL()+"/herald.v1.NotificationService/ListNotifications", strings.NewReader("{}"))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+bootstrap+"x")
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	answers = append(answers, string(body), strings.Join(resp.Header.Values("Grpc-Message"), ""))

	out := logs.String()
	require.Contains(t, out, `"level":"DEBUG"`, "debug logging was on")
	secret := b.tenant.SigningSecret
	for name, s := range map[string]string{
		"bootstrap key": bootstrap, "API key": b.key, "revoked key": revoked, "inbox token": token,
		"database password":    dbPassword,
		"signing secret (hex)": hex.EncodeToString(secret), "signing secret (base64)": base64.StdEncoding.EncodeToString(secret),
		"signing secret (base64url)": base64.RawURLEncoding.EncodeToString(secret),
	} {
		// Nor a recognisable part of one (a token's signature, a key's tail).
		tail := s[len(s)-16:]
		require.NotContains(t, out, tail, "the log shows the %s", name)
		for _, a := range answers {
			require.NotContains(t, a, tail, "an error answer shows the %s", name)
		}
	}
}
