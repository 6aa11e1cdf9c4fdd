using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Regiekamer.Core.Data;
using Regiekamer.TestCommon;

namespace Regiekamer.Web.Tests.Infrastructure;

/// <summary>
/// The web app on its own fresh database, configured the way an operator would (Database:Provider,
/// ConnectionStrings:Regiekamer, Database:MigrateOnStartup, Demo:Seed), in the Production environment so errors
/// look as users see them. The clock stands still at <see cref="Today"/> so pages that default to "today" are stable.
/// </summary>
public sealed class TestApp : WebApplicationFactory<Program>
{
    // Every app watches its web root (asp-append-version) and its settings files; with inotify each watcher is one of
    // the user's 128 instances, and a test run starts hundreds of apps. Polling watchers use none (read by
    // PhysicalFileProvider when it is made, so before any app starts).
    static TestApp() => Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");

    /// <summary>1 June 2025, 12:00 in Brussels: inside the 2023-2025 call, before the R5 deadline of 1/1/2026 for existing partnerships.</summary>
    public static readonly DateTimeOffset Today = new(2025, 6, 1, 10, 0, 0, TimeSpan.Zero);

    private readonly TestDatabase _database;
    private readonly bool _demo;
    private readonly bool _kestrel;
    private readonly bool _realSignIn;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly ServerErrors _serverErrors = new();

    private TestApp(TestDatabase database, bool demo, bool kestrel, bool realSignIn, IReadOnlyDictionary<string, string>? settings = null)
    {
        _database = database;
        _demo = demo;
        _kestrel = kestrel;
        _realSignIn = realSignIn;
        _settings = settings ?? new Dictionary<string, string>();
        if (kestrel)
        {
            UseKestrel(0);
        }
    }

    public DatabaseProvider Provider => _database.Provider;

    public FakeTimeProvider Time { get; } = new(Today);

    /// <summary>
    /// Starts the app in-process (TestServer) on a database of its own. With <paramref name="realSignIn"/> the app
    /// keeps its own authentication (sign-in cookie, API tokens) instead of the <see cref="TestAuthentication"/> header.
    /// <paramref name="settings"/> are extra configuration values (e.g. Mail:PickupFolder, Security:LoginAttemptsPerMinute),
    /// applied after the defaults above, so they can also override them.
    /// </summary>
    public static async Task<TestApp> StartAsync(DatabaseProvider provider, bool demo = true, bool realSignIn = false, IReadOnlyDictionary<string, string>? settings = null)
    {
        var app = new TestApp(await TestDatabase.CreateAsync(provider, demo: demo), demo, kestrel: false, realSignIn, settings);
        _ = app.Server; // start now, so a start-up failure surfaces here and not in the first request
        return app;
    }

    /// <summary>Starts the app on real Kestrel at 127.0.0.1 on a free port, for a browser.</summary>
    public static async Task<(TestApp App, Uri Address)> StartKestrelAsync(DatabaseProvider provider, bool demo = true, bool realSignIn = false, IReadOnlyDictionary<string, string>? settings = null)
    {
        var app = new TestApp(await TestDatabase.CreateAsync(provider, demo: demo), demo, kestrel: true, realSignIn, settings);
        app.StartServer();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        var address = new Uri(addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
        return (app, address);
    }

    /// <summary>The demo partnership the demo's partnership roles belong to (Scheldeland).</summary>
    public async Task<int> ScheldelandAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Core.Data.RegiekamerDb>().Partnerships
            .Where(p => p.Name == Core.Accounts.DemoAccounts.ScheldelandName).Select(p => p.Id).SingleAsync();
    }

    /// <summary>
    /// A client that does not follow redirects, so tests see 302s and Location headers; signed in with the given role
    /// (<see cref="TestAuthentication"/>), an administrator unless told otherwise, anonymous with null.
    /// </summary>
    public HttpClient Client(string? role = TestAuthentication.Administrator)
    {
        var client = CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(), new ShowServerErrors(_serverErrors));
        if (role is not null)
        {
            client.DefaultRequestHeaders.Add(TestAuthentication.Header, role);
        }

        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Production");
        builder.UseSetting("Database:Provider", _database.Provider == DatabaseProvider.Sqlite ? "Sqlite" : "PostgreSQL");
        builder.UseSetting("ConnectionStrings:Regiekamer", _database.ConnectionString);
        builder.UseSetting("Database:MigrateOnStartup", "true");
        builder.UseSetting("Demo:Seed", _demo ? "true" : "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");

        // Tests talk plain HTTP; production cookies are Secure.
        builder.UseSetting("Security:SecureCookies", "false");

        // No scheduler in the background of every test (it would mail into the source tree); a test that wants it says Jobs:Enabled=true.
        builder.UseSetting("Jobs:Enabled", "false");

        // The tests that start in Development keep the demo without its grant cycle (Data's DemoGrantCycleTests cover it).
        builder.UseSetting("Demo:GrantCycle", "false");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(_serverErrors));
        builder.ConfigureTestServices(services =>
        {
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Time));
            if (_realSignIn)
            {
                return;
            }

            services.AddAuthentication(o =>
                {
                    o.DefaultScheme = TestAuthentication.SchemeName;
                    o.DefaultAuthenticateScheme = TestAuthentication.SchemeName;
                    o.DefaultChallengeScheme = TestAuthentication.SchemeName;
                })
                .AddScheme<AuthenticationSchemeOptions, TestAuthentication>(TestAuthentication.SchemeName, null);
        });
        if (_kestrel)
        {
            builder.UseUrls("http://127.0.0.1:0");
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

/// <summary>Small helpers for JSON over HTTP.</summary>
public static class Http
{
    public static async Task<JsonNode> GetJsonAsync(this HttpClient client, string url)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        return await response.ReadJsonAsync(200, $"GET {url}");
    }

    public static async Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, JsonNode body)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(body);
        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        return await client.PostAsync(new Uri(url, UriKind.Relative), content);
    }

    public static async Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string url, JsonNode body)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(body);
        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        return await client.PutAsync(new Uri(url, UriKind.Relative), content);
    }

    public static async Task<HttpResponseMessage> PostCsvAsync(this HttpClient client, string url, string csv)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var content = new StringContent(csv, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return await client.PostAsync(new Uri(url, UriKind.Relative), content);
    }

    /// <summary>Reads the body as JSON after checking the status; a failure shows the body.</summary>
    public static async Task<JsonNode> ReadJsonAsync(this HttpResponseMessage response, int expectedStatus, string what)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == expectedStatus, $"{what}: expected {expectedStatus}, got {(int)response.StatusCode}. Body:\n{text}");
        return JsonNode.Parse(text) ?? throw new InvalidOperationException($"{what}: the body is JSON null.");
    }

    /// <summary>
    /// Checks a ProblemDetails response: status, content type, errorCode; and that nothing internal leaks
    /// (no stack trace, no exception type names).
    /// </summary>
    public static async Task<JsonNode> ReadProblemAsync(this HttpResponseMessage response, int expectedStatus, string expectedErrorCode, string what)
    {
        ArgumentNullException.ThrowIfNull(response);
        var problem = await response.ReadJsonAsync(expectedStatus, what);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(expectedStatus, (int?)problem["status"]);
        Assert.Equal(expectedErrorCode, (string?)problem["errorCode"]);
        AssertNoInternals(problem.ToJsonString(), what);
        return problem;
    }

    public static void AssertNoInternals(string body, string what)
    {
        ArgumentNullException.ThrowIfNull(body);
        foreach (var leak in new[] { "   at ", "Exception", "StackTrace", "stackTrace", ".cs:line", "Microsoft.EntityFrameworkCore", "Npgsql", "SqliteError" })
        {
            Assert.False(body.Contains(leak, StringComparison.Ordinal), $"{what}: the response leaks internals ('{leak}'):\n{body}");
        }
    }

    /// <summary>The field names of the errors of a ProblemDetails.</summary>
    public static IReadOnlyList<string?> ErrorFields(JsonNode problem) =>
        problem["errors"]!.AsArray().Select(e => (string?)e!["field"]).ToList();
}
