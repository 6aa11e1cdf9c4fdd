using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using Quartz;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;
using Regiekamer.Core.Grants.OpenData;
using Regiekamer.Core.Notifications;
using Regiekamer.Core.Notifications.Jobs;
using Regiekamer.Web.Features.Account;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web;

public static class Startup
{
    /// <summary>Pages/Error.cshtml; a 4xx or 5xx without a body is shown there as /Error/404 etc.</summary>
    public const string ErrorPath = "/Error/";

    public static void AddRegiekamerWeb(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var config = builder.Configuration;
        var database = new DatabaseOptions(
            DatabaseOptions.ParseProvider(config["Database:Provider"]),
            config.GetConnectionString("Regiekamer") is { Length: > 0 } given ? given : DatabaseOptions.DefaultSqliteConnection);
        builder.Services.AddRegiekamerCore(database);
        builder.AddRegiekamerAccounts();
        builder.Services.AddSingleton(NotificationSettings.From(config));
        builder.Services.AddSingleton(Regiekamer.Core.Vouchers.VoucherSettings.From(config));
        builder.Services.AddSingleton(OpenDataSettings.From(config));
        if (config["Kbo:UploadFolder"] is { Length: > 0 } kboFolder)
        {
            builder.Services.AddSingleton(new Regiekamer.Core.Kbo.KboUploads(Path.Combine(builder.Environment.ContentRootPath, kboFolder)));
        }

        Features.Catalogue.CatalogueFeature.AddRateLimit(builder);
        Features.VoucherForms.VoucherFormsFeature.AddRateLimit(builder);
        if (config.GetValue("Jobs:Enabled", defaultValue: true))
        {
            // The reminders and the mail outbox (ADR 0009): a Quartz scheduler in every instance, clustered on PostgreSQL.
            builder.Services.AddRegiekamerScheduler(database);
            builder.Services.AddQuartzHostedService(SchedulerSetup.SchedulerName, o =>
            {
                o.WaitForJobsToComplete = true;
                o.AwaitApplicationStarted = true;
            });
        }
        var authorization = builder.Services.AddAuthorizationBuilder();
        authorization.AddRegiekamerPolicies();

        // An endpoint nobody gave a policy still needs a signed-in user (and fails the access test until it gets one).
        authorization.SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        builder.Services.Configure(Proxies.FromConfiguration(config));
        builder.Services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Features";
            WebFeatures.ConfigurePages(o.Conventions);
        });
        builder.Services.AddOutputCache(o => o.AddPolicy(PageCache.Policy, new PageCache()));
        builder.Services.AddStaticFileCompression();
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi("v1", OpenApiSetup.Configure);
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        builder.Services.AddScoped<Lang>();
        builder.Services.AddScoped<CurrentPartnership>();
        builder.Services.AddScoped<PartnershipGate>();
        builder.Services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = new[] { new CultureInfo("nl-BE"), new CultureInfo("en") };
            o.DefaultRequestCulture = new RequestCulture("nl-BE");
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });
    }

    /// <returns>False when the app cannot start (pending migrations in production): the reason is on stderr, and the caller exits with code 1.</returns>
    public static async Task<bool> UseRegiekamerWebAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!await PrepareDatabaseAsync(app))
        {
            return false;
        }

        // First: the client's address and scheme as the load balancer saw them (Infrastructure/Proxies.cs).
        app.UseForwardedHeaders();

        // People get an error page in the layout, in their language; API clients keep ProblemDetails.
        if (!app.Environment.IsDevelopment())
        {
            app.UseWhen(context => !AccountProblems.IsApi(context.Request), pages => pages.UseExceptionHandler(ErrorPath + "500"));
            app.UseWhen(context => AccountProblems.IsApi(context.Request), api => api.UseExceptionHandler());
            app.UseHsts();
        }

        // Before the status-code pages, so the error page is in the language the visitor asked for (?culture=en too).
        app.UseRequestLocalization();
        app.UseWhen(context => !AccountProblems.IsApi(context.Request), pages => pages.UseStatusCodePagesWithReExecute(ErrorPath + "{0}"));
        app.UseWhen(context => AccountProblems.IsApi(context.Request), api => api.UseStatusCodePages());
        app.UseMiddleware<SecurityHeaders>();
        app.UseResponseCompression();
        app.UseStaticFiles(StaticFileCompression.StaticFiles);
        app.UseRouting();
        app.UseAuthentication();
        app.UseRegiekamerAccounts();
        app.UseAuthorization();
        app.UseMiddleware<Utf8JsonBodies>();
        app.UseMiddleware<ActorFromUser>();
        app.UseAntiforgery();
        app.UseOutputCache();
        app.MapRazorPages();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapGet("/health", () => "ok").ExcludeFromDescription().AllowAnonymous();
        app.MapGet("/culture", (string c, string? returnUrl, HttpContext http) =>
        {
            var culture = c == "en" ? "en" : "nl-BE";
            http.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps });
            return Results.LocalRedirect(returnUrl is { Length: > 0 } && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) ? returnUrl : "/");
        }).ExcludeFromDescription().AllowAnonymous();
        WebFeatures.MapApi(app);
        return true;
    }

    /// <summary>
    /// Development (and Database:MigrateOnStartup=true) migrates and seeds on start; elsewhere a pending migration
    /// stops the app with one line on stderr naming the migrations and the command to run (false: exit code 1, no
    /// stack trace), so production never migrates silently. A database without migrations is recognised without
    /// querying its missing history table (<see cref="MigrationState"/>), so a first start logs no failed command.
    /// </summary>
    private static async Task<bool> PrepareDatabaseAsync(WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RegiekamerDb>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Regiekamer.Database");
        var options = scope.ServiceProvider.GetRequiredService<DatabaseOptions>();
        options.EnsureSqliteFolder();

        var pending = await db.PendingMigrationsAsync();
        if (pending.Count > 0)
        {
            if (!app.Configuration.GetValue<bool>("Database:MigrateOnStartup"))
            {
                var list = string.Join(", ", pending);
                await Console.Error.WriteLineAsync(
                    $"Regiekamer start niet: de databank ({options.Provider}) heeft {pending.Count} openstaande migratie(s) ({list}); voer 'dotnet run --project src/Regiekamer.Cli -- db migrate' uit (of zet Database:MigrateOnStartup=true). "
                    + $"/ Regiekamer does not start: the database ({options.Provider}) has {pending.Count} pending migration(s) ({list}); run 'dotnet run --project src/Regiekamer.Cli -- db migrate' (or set Database:MigrateOnStartup=true).");
                return false;
            }

            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("Applying {Count} migration(s) to {Provider}: {Migrations}", pending.Count, options.Provider, string.Join(", ", pending));
            }

            await db.MigrateAsync();
        }

        var seeder = scope.ServiceProvider.GetRequiredService<DatabaseSeeder>();
        await seeder.SeedReferenceDataAsync();
        if (app.Configuration.GetValue<bool>("Database:MigrateOnStartup"))
        {
            // Like the migrations: shipped data a database lacks is added where the app migrates (Development), else by 'regiekamer db migrate'.
            var added = await seeder.AddMissingShippedDataAsync();
            if (added > 0 && logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("Added {Count} shipped reference dataset(s) the database lacked.", added);
            }
        }

        if (app.Configuration.GetValue<bool>("Demo:Seed"))
        {
            await seeder.SeedDemoAsync();
            await seeder.SeedDemoActorsAsync();
            await seeder.SeedDemoVouchersAsync();
            await app.SeedDemoAccountsAsync();
        }

        return true;
    }
}
