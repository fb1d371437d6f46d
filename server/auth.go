package server

import (
	"context"
	"errors"
	"strings"
	"time"

	"connectrpc.com/connect"

	"github.com/heraldhq/herald/gen/herald/v1/heraldv1connect"
	"github.com/heraldhq/herald/store"
)

// principal is who is calling: a tenant's backend (API key) or a browser
// reading one recipient's inbox (inbox token).
type principal struct {
	tenant *store.Tenant
	// keyName names the API key, for "who canceled this".
	keyName string
	// operator is set for API keys with the operator role.
	operator bool
	// recipientID is set for inbox tokens, which act on this recipient
	// only, until expires.
	recipientID string
	expires     time.Time
}

type principalKey struct{}

func withPrincipal(ctx context.Context, p *principal) context.Context {
	return context.WithValue(ctx, principalKey{}, p)
}

// principalFrom returns the caller the auth interceptor admitted. Handlers
// only run behind that interceptor, so it is always there.
func principalFrom(ctx context.Context) *principal {
	return ctx.Value(principalKey{}).(*principal)
}

// authInterceptor admits every RPC only with valid credentials: an inbox
// token for InboxService, an inbox token or an API key for
// EngagementService, an API key for everything else.
type authInterceptor struct {
	store  *store.Store
	tokens *inboxTokens
	keys   *keyCache
}

func newAuthInterceptor(st *store.Store, revocations *store.Listener) *authInterceptor {
	keys := newKeyCache()
	if revocations != nil {
		keys.follow(revocations)
	}
	return &authInterceptor{store: st, tokens: &inboxTokens{store: st}, keys: keys}
}

func (a *authInterceptor) authenticate(ctx context.Context, procedure, header string) (context.Context, error) {
	token, ok := strings.CutPrefix(header, "Bearer ")
	if !ok || strings.TrimSpace(token) == "" {
		return nil, connect.NewError(connect.CodeUnauthenticated, errors.New(`missing "Authorization: Bearer <credentials>" header`))
	}
	token = strings.TrimSpace(token)
	// EngagementService takes either: an inbox token from an app, an API
	// key from a backend.
	if strings.HasPrefix(procedure, "/"+heraldv1connect.InboxServiceName+"/") ||
		(strings.HasPrefix(procedure, "/"+heraldv1connect.EngagementServiceName+"/") && strings.HasPrefix(token, inboxTokenPrefix)) {
		p, err := a.tokens.verify(ctx, token)
		if err != nil {
			return nil, err
		}
		return withPrincipal(ctx, p), nil
	}
	p, err := a.apiKey(ctx, token)
	if err != nil {
		return nil, err
	}
	return withPrincipal(ctx, p), nil
}

// apiKey returns who the API key token belongs to, from the cache or the
// store; an unknown or revoked key is Unauthenticated.
func (a *authInterceptor) apiKey(ctx context.Context, token string) (*principal, error) {
	if p, ok := a.keys.get(token); ok {
		return p, nil
	}
	key, tenant, err := a.store.Authenticate(ctx, token)
	switch {
	case errors.Is(err, store.ErrNotFound):
		return nil, connect.NewError(connect.CodeUnauthenticated, errors.New("invalid API key"))
	case errors.Is(err, store.ErrKeyRevoked):
		return nil, connect.NewError(connect.CodeUnauthenticated, errors.New("API key revoked"))
	case err != nil:
		return nil, toConnectError(ctx, err)
	}
	p := &principal{tenant: tenant, keyName: key.Name, operator: key.Operator}
	a.keys.put(token, p)
	return p, nil
}

// WrapUnary implements connect.Interceptor.
func (a *authInterceptor) WrapUnary(next connect.UnaryFunc) connect.UnaryFunc {
	return func(ctx context.Context, req connect.AnyRequest) (connect.AnyResponse, error) {
		if req.Spec().IsClient {
			return next(ctx, req)
		}
		ctx, err := a.authenticate(ctx, req.Spec().Procedure, req.Header().Get("Authorization"))
		if err != nil {
			return nil, err
		}
		return next(ctx, req)
	}
}

// WrapStreamingClient implements connect.Interceptor.
func (a *authInterceptor) WrapStreamingClient(next connect.StreamingClientFunc) connect.StreamingClientFunc {
	return next
}

// WrapStreamingHandler implements connect.Interceptor.
func (a *authInterceptor) WrapStreamingHandler(next connect.StreamingHandlerFunc) connect.StreamingHandlerFunc {
	return func(ctx context.Context, conn connect.StreamingHandlerConn) error {
		ctx, err := a.authenticate(ctx, conn.Spec().Procedure, conn.RequestHeader().Get("Authorization"))
		if err != nil {
			return err
		}
		return next(ctx, conn)
	}
}
