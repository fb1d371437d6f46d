// Package telemetry sets up a process's OpenTelemetry metrics, exported in
// Prometheus format at /metrics, and its traces, exported over OTLP when
// the standard OTEL_* environment variables ask for it.
package telemetry

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	otelprom "go.opentelemetry.io/otel/exporters/prometheus"
	"go.opentelemetry.io/otel/metric"
	"go.opentelemetry.io/otel/propagation"
	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
	"go.opentelemetry.io/otel/sdk/resource"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	semconv "go.opentelemetry.io/otel/semconv/v1.37.0"
	"go.opentelemetry.io/otel/trace"
	"go.opentelemetry.io/otel/trace/noop"
)

// Options configure telemetry. The zero value reads the environment.
type Options struct {
	// TracesEndpointURL, if set, exports traces over OTLP/HTTP to this URL
	// (e.g. "http://127.0.0.1:4318/v1/traces") whatever the environment
	// says. Tests point it at an in-process receiver.
	TracesEndpointURL string
	// Getenv reads the OTEL_* variables. Default os.Getenv.
	Getenv func(string) string
}

// Telemetry owns a process's meter and tracer providers and its Prometheus
// registry. Each Telemetry has its own registry and providers, so several
// Herald instances can run in one test process.
type Telemetry struct {
	meters   *sdkmetric.MeterProvider
	registry *prometheus.Registry
	// tracer is the SDK provider when traces are exported; nil when off.
	tracer *sdktrace.TracerProvider
}

// New returns telemetry for a service called name.
func New(ctx context.Context, name, version string, opts *Options) (*Telemetry, error) {
	if opts == nil {
		opts = &Options{}
	}
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	exporter, err := otelprom.New(otelprom.WithRegisterer(reg))
	if err != nil {
		return nil, fmt.Errorf("telemetry: prometheus exporter: %w", err)
	}
	res, err := resource.Merge(
		resource.NewSchemaless(semconv.ServiceName(name), semconv.ServiceVersion(version)),
		// OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES win.
		resource.Environment(),
	)
	if err != nil {
		return nil, fmt.Errorf("telemetry: resource: %w", err)
	}
	t := &Telemetry{registry: reg}
	t.meters = sdkmetric.NewMeterProvider(sdkmetric.WithReader(exporter), sdkmetric.WithResource(res))
	spans, err := traceExporter(ctx, opts)
	if err != nil {
		return nil, err
	}
	if spans != nil {
		t.tracer = sdktrace.NewTracerProvider(sdktrace.WithBatcher(spans), sdktrace.WithResource(res))
	}
	return t, nil
}

// MeterProvider returns the provider instruments should be created on.
func (t *Telemetry) MeterProvider() metric.MeterProvider { return t.meters }

// TracerProvider returns the provider spans should be started on: a no-op
// one unless traces are exported.
func (t *Telemetry) TracerProvider() trace.TracerProvider {
	if t.tracer == nil {
		return noop.NewTracerProvider()
	}
	return t.tracer
}

// Tracing reports whether traces are exported.
func (t *Telemetry) Tracing() bool { return t.tracer != nil }

// Propagator carries trace context across processes: W3C trace context and
// baggage.
func (t *Telemetry) Propagator() propagation.TextMapPropagator {
	return propagation.NewCompositeTextMapPropagator(propagation.TraceContext{}, propagation.Baggage{})
}

// Registry returns the Prometheus registry /metrics serves, for collectors
// that are not OpenTelemetry instruments.
func (t *Telemetry) Registry() *prometheus.Registry { return t.registry }

// Handler serves the metrics in Prometheus text format.
func (t *Telemetry) Handler() http.Handler {
	return promhttp.HandlerFor(t.registry, promhttp.HandlerOpts{})
}

// Shutdown exports the spans still buffered and stops both providers.
func (t *Telemetry) Shutdown(ctx context.Context) error {
	var errs []error
	if t.tracer != nil {
		errs = append(errs, t.tracer.Shutdown(ctx))
	}
	errs = append(errs, t.meters.Shutdown(ctx))
	return errors.Join(errs...)
}
