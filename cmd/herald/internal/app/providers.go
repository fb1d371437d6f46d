package app

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"maps"
	"net/url"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/heraldhq/herald/engagement"
	"github.com/heraldhq/herald/providers"
	"github.com/heraldhq/herald/providers/apns"
	"github.com/heraldhq/herald/providers/fcm"
	"github.com/heraldhq/herald/providers/sendgrid"
	"github.com/heraldhq/herald/providers/slack"
	"github.com/heraldhq/herald/providers/smtp"
	"github.com/heraldhq/herald/providers/twilio"
	"github.com/heraldhq/herald/providers/webhook"
	"github.com/heraldhq/herald/store"
)

// setting is one configuration key of a kind of provider: the variable
// HERALD_<KIND>_<KEY>, or the key in lower case in the providers file.
type setting struct {
	Key, Default, Doc string
	Required, Secret  bool
}

// kind is a kind of provider Herald can send through.
type kind struct {
	Name     string
	Channel  store.Channel
	Settings []setting
	build    func(in *Instance, env *buildEnv) (providers.Provider, error)
}

// buildEnv is what building a provider needs besides its own settings.
type buildEnv struct {
	cfg     Config
	rootCAs *x509.CertPool
}

func (e *buildEnv) tlsConfig() *tls.Config {
	return &tls.Config{RootCAs: e.rootCAs, MinVersion: tls.VersionTLS12}
}

func (e *buildEnv) httpClient() *providers.HTTPOptions {
	return &providers.HTTPOptions{Timeout: e.cfg.ProviderTimeout, TLS: e.tlsConfig()}
}

var rateSetting = setting{Key: "RATE_LIMIT", Doc: "Send-rate limit shared by every process, e.g. `100/s` or `6000/m`; empty for none."}

// kinds lists the providers Herald knows, in each channel's default order.
var kinds = []kind{
	{Name: "sendgrid", Channel: store.ChannelEmail, Settings: []setting{
		{Key: "API_KEY", Required: true, Secret: true, Doc: "SendGrid API key with the mail.send scope."},
		{Key: "FROM", Required: true, Doc: "Sender, `Name <address>` or an address."},
		{Key: "URL", Default: sendgrid.DefaultURL, Doc: "API base URL."},
		{Key: "WEBHOOK_PUBLIC_KEY", Doc: "Verification key of the signed Event Webhook (base64, from Mail Settings); events post to `<HERALD_PUBLIC_URL>/receipts/sendgrid/<provider name>`."},
		rateSetting,
	}, build: func(in *Instance, env *buildEnv) (providers.Provider, error) {
		return sendgrid.New(sendgrid.Options{Name: in.Name, APIKey: in.get("API_KEY"), From: in.get("FROM"), URL: in.get("URL"),
			WebhookPublicKey: in.get("WEBHOOK_PUBLIC_KEY"), HTTPClient: providers.NewHTTPClient(env.httpClient())})
	}},
	{Name: "smtp", Channel: store.ChannelEmail, Settings: []setting{
		{Key: "HOST", Required: true, Doc: "SMTP server host name."},
		{Key: "PORT", Default: "587", Doc: "SMTP server port."},
		{Key: "USERNAME", Doc: "SMTP AUTH user; empty sends without AUTH."},
		{Key: "PASSWORD", Secret: true, Doc: "SMTP AUTH password."},
		{Key: "FROM", Required: true, Doc: "Sender, `Name <address>` or an address."},
		{Key: "TLS", Default: smtp.STARTTLS, Doc: "`starttls` (required), `tls` (implicit, port 465) or `none` (local catchers only)."},
		rateSetting,
	}, build: func(in *Instance, env *buildEnv) (providers.Provider, error) {
		port, err := strconv.Atoi(in.get("PORT"))
		if err != nil || port <= 0 || port > 65535 {
			return nil, fmt.Errorf("%s: not a port number", in.where("PORT"))
		}
		return smtp.New(smtp.Options{Name: in.Name, Host: in.get("HOST"), Port: port, Username: in.get("USERNAME"),
			Password: in.get("PASSWORD"), From: in.get("FROM"), TLS: in.get("TLS"), TLSConfig: env.tlsConfig(),
			Timeout: env.cfg.ProviderTimeout})
	}},
	{Name: "twilio", Channel: store.ChannelSMS, Settings: []setting{
		{Key: "ACCOUNT_SID", Required: true, Doc: "Account SID (`AC…`)."},
		{Key: "AUTH_TOKEN", Required: true, Secret: true, Doc: "Auth token (or an API key secret)."},
		{Key: "FROM", Doc: "Sending number (E.164) or alphanumeric sender id."},
		{Key: "MESSAGING_SERVICE_SID", Doc: "Messaging Service SID (`MG…`), instead of FROM."},
		{Key: "URL", Default: twilio.DefaultURL, Doc: "API base URL."},
		rateSetting,
	}, build: func(in *Instance, env *buildEnv) (providers.Provider, error) {
		callback := ""
		if env.cfg.PublicURL != "" {
			callback = env.cfg.PublicURL + engagement.TwilioPath + url.PathEscape(in.Name)
		}
		return twilio.New(twilio.Options{Name: in.Name, AccountSID: in.get("ACCOUNT_SID"), AuthToken: in.get("AUTH_TOKEN"),
			From: in.get("FROM"), MessagingServiceSID: in.get("MESSAGING_SERVICE_SID"), URL: in.get("URL"),
			StatusCallbackURL: callback, HTTPClient: providers.NewHTTPClient(env.httpClient())})
	}},
	{Name: "fcm", Channel: store.ChannelPush, Settings: []setting{
		{Key: "CREDENTIALS_FILE", Required: true, Doc: "Service-account JSON key file of the Firebase project."},
		{Key: "PROJECT_ID", Doc: "Firebase project id; defaults to the key file's."},
		{Key: "URL", Default: fcm.DefaultURL, Doc: "API base URL."},
		{Key: "TOKEN_URL", Doc: "OAuth2 token endpoint; defaults to the key file's `token_uri`."},
		rateSetting,
	}, build: func(in *Instance, env *buildEnv) (providers.Provider, error) {
		sa, err := parseFile(in, "CREDENTIALS_FILE", fcm.ParseServiceAccount)
		if err != nil {
			return nil, err
		}
		return fcm.New(fcm.Options{Name: in.Name, Account: sa, ProjectID: in.get("PROJECT_ID"), URL: in.get("URL"),
			TokenURL: in.get("TOKEN_URL"), HTTPClient: providers.NewHTTPClient(env.httpClient())})
	}},
	{Name: "apns", Channel: store.ChannelPush, Settings: []setting{
		{Key: "KEY_FILE", Required: true, Doc: "Token-auth key (`.p8`) from Apple."},
		{Key: "KEY_ID", Required: true, Doc: "The key's id."},
		{Key: "TEAM_ID", Required: true, Doc: "Apple developer team id."},
		{Key: "TOPIC", Required: true, Doc: "The app's bundle id."},
		{Key: "URL", Default: apns.ProductionURL, Doc: "`" + apns.ProductionURL + "`, or `" + apns.SandboxURL + "`."},
		rateSetting,
	}, build: func(in *Instance, env *buildEnv) (providers.Provider, error) {
		key, err := parseFile(in, "KEY_FILE", apns.ParseKey)
		if err != nil {
			return nil, err
		}
		return apns.New(apns.Options{Name: in.Name, Key: key, KeyID: in.get("KEY_ID"), TeamID: in.get("TEAM_ID"),
			Topic: in.get("TOPIC"), URL: in.get("URL"), HTTPClient: providers.NewHTTPClient(env.httpClient())})
	}},
	{Name: "slack", Channel: store.ChannelSlack, Settings: []setting{rateSetting},
		build: func(in *Instance, env *buildEnv) (providers.Provider, error) {
			return slack.New(&slack.Options{Name: in.Name, AllowPrivate: env.cfg.WebhookAllowPrivate, Timeout: env.cfg.ProviderTimeout}), nil
		}},
	{Name: "webhook", Channel: store.ChannelWebhook,
		build: func(in *Instance, env *buildEnv) (providers.Provider, error) {
			receipts := ""
			if env.cfg.PublicURL != "" {
				receipts = env.cfg.PublicURL + engagement.WebhookPath
			}
			return webhook.New(&webhook.Options{AllowPrivate: env.cfg.WebhookAllowPrivate, Timeout: env.cfg.ProviderTimeout,
				ReceiptURL: receipts}), nil
		}},
}

// parseFile reads the file a setting names and parses it, naming the
// setting on error (parsers never quote the key material).
func parseFile[T any](in *Instance, key string, parse func([]byte) (T, error)) (T, error) {
	var zero T
	data, err := os.ReadFile(in.get(key))
	if err != nil {
		return zero, fmt.Errorf("%s: %w", in.where(key), err)
	}
	v, err := parse(data)
	if err != nil {
		return zero, fmt.Errorf("%s: %w", in.where(key), err)
	}
	return v, nil
}

func kindNamed(name string) *kind {
	for i := range kinds {
		if kinds[i].Name == name {
			return &kinds[i]
		}
	}
	return nil
}

// channelsWithOrder are the channels whose provider order is configurable.
var channelsWithOrder = []store.Channel{store.ChannelEmail, store.ChannelSMS, store.ChannelPush}

func orderVariable(c store.Channel) string {
	return "HERALD_" + strings.ToUpper(string(c)) + "_PROVIDERS"
}

// providerVariables documents every provider variable, for Variables.
func providerVariables() []struct{ Name, Default, Doc string } {
	out := []struct{ Name, Default, Doc string }{
		{"HERALD_PROVIDERS_FILE", "", "YAML file of named provider instances, channel orders and per-tenant orders (see [Providers](#providers))."},
	}
	examples := map[store.Channel]string{store.ChannelEmail: "sendgrid,smtp", store.ChannelSMS: "twilio", store.ChannelPush: "fcm,apns"}
	for _, c := range channelsWithOrder {
		out = append(out, struct{ Name, Default, Doc string }{orderVariable(c), "",
			"Providers of the " + string(c) + " channel in the order tried, primary first (e.g. `" + examples[c] + "`); default: every configured one."})
	}
	out = append(out,
		struct{ Name, Default, Doc string }{"HERALD_FAILOVER_AFTER", "2", "Transient failures one provider gets per delivery before the next provider is tried."},
		struct{ Name, Default, Doc string }{"HERALD_BREAKER_FAILURES", "5", "Transient failures in a row that open a provider's circuit (per process)."},
		struct{ Name, Default, Doc string }{"HERALD_BREAKER_COOLDOWN", "30s", "How long an open circuit skips its provider before one probe."},
	)
	for _, k := range kinds {
		for _, s := range k.Settings {
			out = append(out, struct{ Name, Default, Doc string }{envName(k.Name, s.Key), s.Default, s.Doc})
		}
	}
	return out
}

func envName(kind, key string) string { return "HERALD_" + strings.ToUpper(kind) + "_" + key }

// Instance is one configured provider: a kind, a name (unique; it names
// the provider in deliveries, events, metrics, rate limits and breakers)
// and its settings. It never prints its settings, which hold credentials.
type Instance struct {
	Name string
	Kind string
	kind *kind
	// fromFile is true for instances of the providers file.
	fromFile bool
	settings map[string]string
}

func (in *Instance) get(key string) string {
	if v := in.settings[key]; v != "" {
		return v
	}
	for _, s := range in.kind.Settings {
		if s.Key == key {
			return s.Default
		}
	}
	return ""
}

// where names a setting the way the operator wrote it.
func (in *Instance) where(key string) string {
	if in.fromFile {
		return "providers file: " + in.Name + "." + strings.ToLower(key)
	}
	return envName(in.Kind, key)
}

// String implements fmt.Stringer without the settings.
func (in Instance) String() string { return in.Name + " (" + in.Kind + ")" }

// GoString implements fmt.GoStringer without the settings.
func (in Instance) GoString() string { return "app.Instance{" + in.String() + "}" }

// secrets returns the instance's secret values.
func (in *Instance) secrets() []string {
	var out []string
	for _, s := range in.kind.Settings {
		if s.Secret && in.settings[s.Key] != "" {
			out = append(out, in.settings[s.Key])
		}
	}
	return out
}

// ProviderConfig is how providers are configured: instances (from
// HERALD_<KIND>_* and the providers file), each channel's order, the
// tenants' own orders, and failover and breaker settings.
type ProviderConfig struct {
	File            string
	Instances       []*Instance
	Order           map[store.Channel][]string
	Tenants         map[string]map[store.Channel][]string
	FailoverAfter   int
	BreakerFailures int
	BreakerCooldown time.Duration
}

// providersFile is the YAML providers file.
type providersFile struct {
	Providers map[string]map[string]string   `yaml:"providers"`
	Channels  map[string][]string            `yaml:"channels"`
	Tenants   map[string]map[string][]string `yaml:"tenants"`
}

// providerConfigFromEnv reads the provider configuration.
func providerConfigFromEnv(p *parser) ProviderConfig {
	pc := ProviderConfig{
		File:            p.str("HERALD_PROVIDERS_FILE"),
		Order:           map[store.Channel][]string{},
		Tenants:         map[string]map[store.Channel][]string{},
		FailoverAfter:   p.integer("HERALD_FAILOVER_AFTER", 1, 25),
		BreakerFailures: p.integer("HERALD_BREAKER_FAILURES", 1, 1000),
		BreakerCooldown: p.duration("HERALD_BREAKER_COOLDOWN"),
	}
	for _, k := range kinds {
		in := &Instance{Name: k.Name, Kind: k.Name, kind: &k, settings: map[string]string{}}
		set := len(k.Settings) == 0 || !slices.ContainsFunc(k.Settings, func(s setting) bool { return s.Required })
		for _, s := range k.Settings {
			if v := p.getenv(envName(k.Name, s.Key)); v != "" {
				in.settings[s.Key], set = v, true
			}
		}
		if set {
			pc.Instances = append(pc.Instances, in)
		}
	}
	for _, c := range channelsWithOrder {
		if v := p.getenv(orderVariable(c)); v != "" {
			pc.Order[c] = splitList(v)
		}
	}
	if pc.File != "" {
		if err := pc.readFile(p.getenv); err != nil {
			p.errs = append(p.errs, err)
		}
	}
	return pc
}

func splitList(s string) []string {
	var out []string
	for _, part := range strings.Split(s, ",") {
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, part)
		}
	}
	return out
}

// readFile adds the providers file's instances and orders. Values may
// refer to environment variables as ${NAME}, so secrets need not be in
// the file.
func (pc *ProviderConfig) readFile(getenv func(string) string) error {
	data, err := os.ReadFile(pc.File)
	if err != nil {
		return fmt.Errorf("HERALD_PROVIDERS_FILE: %w", err)
	}
	var f providersFile
	dec := yaml.NewDecoder(strings.NewReader(string(data)))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil {
		return fmt.Errorf("HERALD_PROVIDERS_FILE: %s: %w", pc.File, err)
	}
	var errs []error
	for _, name := range slices.Sorted(maps.Keys(f.Providers)) {
		values := f.Providers[name]
		in := &Instance{Name: name, Kind: values["type"], fromFile: true, settings: map[string]string{}}
		k := kindNamed(in.Kind)
		if k == nil {
			errs = append(errs, fmt.Errorf("providers file: %s.type: %q is not a provider kind", name, in.Kind))
			continue
		}
		in.kind = k
		for key, v := range values {
			if key == "type" {
				continue
			}
			up := strings.ToUpper(key)
			if !slices.ContainsFunc(k.Settings, func(s setting) bool { return s.Key == up }) {
				errs = append(errs, fmt.Errorf("providers file: %s.%s: %s providers have no such setting", name, key, in.Kind))
				continue
			}
			in.settings[up] = os.Expand(v, getenv)
		}
		pc.Instances = slices.DeleteFunc(pc.Instances, func(o *Instance) bool { return o.Name == name })
		pc.Instances = append(pc.Instances, in)
	}
	for c, names := range f.Channels {
		pc.Order[store.Channel(c)] = names
	}
	for tenant, chans := range f.Tenants {
		pc.Tenants[tenant] = map[store.Channel][]string{}
		for c, names := range chans {
			pc.Tenants[tenant][store.Channel(c)] = names
		}
	}
	return errors.Join(errs...)
}

// validate checks what can be checked without building providers.
func (pc *ProviderConfig) validate() error {
	var errs []error
	byName := map[string]*Instance{}
	for _, in := range pc.Instances {
		byName[in.Name] = in
		for _, s := range in.kind.Settings {
			if s.Required && in.settings[s.Key] == "" {
				errs = append(errs, fmt.Errorf("%s: required for the %s provider", in.where(s.Key), in.Name))
			}
		}
		if _, err := providers.ParseRate(in.settings["RATE_LIMIT"]); err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", in.where("RATE_LIMIT"), err))
		}
	}
	check := func(where string, c store.Channel, names []string) {
		if !slices.Contains(store.Channels, c) {
			errs = append(errs, fmt.Errorf("%s: %q is not a channel", where, c))
			return
		}
		for _, n := range names {
			in, ok := byName[n]
			switch {
			case !ok:
				errs = append(errs, fmt.Errorf("%s: no provider is named %q", where, n))
			case in.kind.Channel != c:
				errs = append(errs, fmt.Errorf("%s: %s sends on the %s channel, not %s", where, n, in.kind.Channel, c))
			}
		}
	}
	for _, c := range slices.Sorted(maps.Keys(pc.Order)) {
		check(orderVariable(c), c, pc.Order[c])
	}
	for _, t := range slices.Sorted(maps.Keys(pc.Tenants)) {
		for _, c := range slices.Sorted(maps.Keys(pc.Tenants[t])) {
			check("providers file: tenants."+t+"."+string(c), c, pc.Tenants[t][c])
		}
	}
	if pc.BreakerCooldown <= 0 {
		errs = append(errs, errors.New("HERALD_BREAKER_COOLDOWN: must be positive"))
	}
	return errors.Join(errs...)
}

// newProviders builds the provider registry from the configuration: each
// channel's providers in order, the tenants' own orders and the rate
// limits. rootCAs, if set, replaces the system roots (tests).
func newProviders(cfg Config, rootCAs *x509.CertPool) (*providers.Registry, error) {
	pc := cfg.Providers
	env := &buildEnv{cfg: cfg, rootCAs: rootCAs}
	registry := providers.NewRegistry()
	built := map[string]providers.Provider{}
	var errs []error
	for _, in := range pc.Instances {
		p, err := in.kind.build(in, env)
		if err != nil {
			// Provider constructors may quote settings; never a secret.
			errs = append(errs, fmt.Errorf("provider %s: %s", in.Name, providers.Secrets(in.secrets()).Redact(err.Error())))
			continue
		}
		built[in.Name] = p
		if rate, _ := providers.ParseRate(in.settings["RATE_LIMIT"]); rate.Count > 0 {
			registry.SetRateLimit(in.Name, rate)
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	chain := func(names []string) []providers.Provider {
		out := make([]providers.Provider, 0, len(names))
		for _, n := range names {
			out = append(out, built[n])
		}
		return out
	}
	for _, c := range store.Channels {
		names, ok := pc.Order[c]
		if !ok {
			for _, in := range pc.Instances {
				if in.kind.Channel == c {
					names = append(names, in.Name)
				}
			}
		}
		for _, p := range chain(names) {
			registry.Add(string(c), p)
		}
	}
	for tenant, chans := range pc.Tenants {
		for c, names := range chans {
			registry.SetTenant(tenant, string(c), chain(names))
		}
	}
	return registry, nil
}
