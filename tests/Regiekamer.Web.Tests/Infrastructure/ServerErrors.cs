using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Regiekamer.Web.Tests.Infrastructure;

/// <summary>
/// Keeps what the app logs at Error and above, so a test that gets a 500 can show the server's exception: the app
/// itself (rightly) tells the client nothing.
/// </summary>
public sealed class ServerErrors : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _errors = new();

    public IReadOnlyList<string> Take()
    {
        var taken = new List<string>();
        while (_errors.TryDequeue(out var e))
        {
            taken.Add(e);
        }

        return taken;
    }

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _errors);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> errors) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            if (IsEnabled(logLevel))
            {
                errors.Enqueue($"[{logLevel}] {category}: {formatter(state, exception)}{(exception is null ? "" : "\n" + exception)}");
            }
        }
    }
}

/// <summary>On a 5xx, appends the server's logged errors to the response body, where the tests' failure messages show it.</summary>
public sealed class ShowServerErrors(ServerErrors errors) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        var logged = errors.Take();
        if ((int)response.StatusCode >= 500 && logged.Count > 0)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var headers = response.Content.Headers.ToList();
            response.Content = new StringContent(body + "\n--- server log ---\n" + string.Join("\n", logged));
            foreach (var (name, values) in headers.Where(h => !h.Key.StartsWith("Content-Length", StringComparison.OrdinalIgnoreCase)))
            {
                response.Content.Headers.Remove(name);
                response.Content.Headers.TryAddWithoutValidation(name, values);
            }
        }

        return response;
    }
}
