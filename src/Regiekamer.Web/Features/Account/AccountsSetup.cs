using System.Net;
using System.Security.Claims;
using System.Security.Cryptography.X509Certificates;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Data;
using Regiekamer.Core.Grants;
using Regiekamer.Core.Mail;

namespace Regiekamer.Web.Features.Account;

/// <summary>Sign-in, Identity, API tokens, mail, rate limiting, request limits and data protection (issue 3).</summary>
public static class AccountsSetup
{
    /// <summary>The default scheme: an API token when the request carries a bearer header, the sign-in cookie otherwise.</summary>
    public const string CookieOrToken = "CookieOrApiToken";

    public const long MaxRequestBodyBytes = 10 * 1024 * 1024;

    public const string LoginRateLimitKey = "Security:LoginAttemptsPerMinute";

    /// <summary>Sessions notice a new security stamp (sign out everywhere, lock, password change) and role changes within this time.</summary>
    public static readonly TimeSpan SecurityStampInterval = TimeSpan.FromMinutes(1);

    /// <summary>The POSTs that guess at passwords, codes or addresses; each limited per client IP.</summary>
    /// <summary>The rate limit on the pages that take a password or send a mail (PageAccess puts it on them): POSTs per client IP and page.</summary>
    public const string SignInRateLimit = "sign-in";

    public static void AddRegiekamerAccounts(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var config = builder.Configuration;

        services.AddRegiekamerIdentity()
            .AddSignInManager()
            .AddTokenProvider<DataProtectorTokenProvider<RegiekamerUser>>(TokenOptions.DefaultProvider);
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = AccountMails.ResetLinkLifetime);
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = SecurityStampInterval;

            // Keep how the user signed in (password, or with a second factor) when the principal is rebuilt.
            o.OnRefreshingPrincipal = context =>
            {
                if (context.CurrentPrincipal?.FindFirst("amr") is { } amr && context.NewPrincipal?.Identity is ClaimsIdentity identity)
                {
                    identity.AddClaim(new Claim(amr.Type, amr.Value));
                }

                return Task.CompletedTask;
            };
        });

        // Secure cookies everywhere but on a developer's http://localhost; Security:SecureCookies=false for tests over plain HTTP.
        var secure = config.GetValue("Security:SecureCookies", !builder.Environment.IsDevelopment());
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = CookieOrToken;
                o.DefaultChallengeScheme = CookieOrToken;
                o.DefaultForbidScheme = CookieOrToken;
                o.DefaultSignInScheme = IdentityConstants.ApplicationScheme;
                o.DefaultSignOutScheme = IdentityConstants.ApplicationScheme;
            })
            .AddPolicyScheme(CookieOrToken, "Sign-in cookie or API token", o => o.ForwardDefaultSelector = context =>
                ApiTokenAuthenticationHandler.BearerToken(context.Request) is not null ? ApiTokenAuthenticationHandler.SchemeName : IdentityConstants.ApplicationScheme)
            .AddCookie(IdentityConstants.ApplicationScheme, o =>
            {
                o.LoginPath = "/Account/Login";
                o.LogoutPath = "/Account/Logout";
                o.AccessDeniedPath = "/Account/AccessDenied";
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                Harden(o.Cookie, secure);
                o.Events = new CookieAuthenticationEvents
                {
                    OnValidatePrincipal = SecurityStampValidator.ValidatePrincipalAsync,
                    OnRedirectToLogin = context => AccountProblems.IsApi(context.Request)
                        ? AccountProblems.ChallengeAsync(context.HttpContext)
                        : Redirect(context),
                    OnRedirectToAccessDenied = context => AccountProblems.IsApi(context.Request)
                        ? AccountProblems.WriteAsync(context.HttpContext, StatusCodes.Status403Forbidden, AccountProblems.Forbidden)
                        : Redirect(context),
                };
            })
            .AddCookie(IdentityConstants.TwoFactorUserIdScheme, o =>
            {
                o.Cookie.Name = IdentityConstants.TwoFactorUserIdScheme;
                o.ExpireTimeSpan = TimeSpan.FromMinutes(5);
                Harden(o.Cookie, secure);
                o.Events = new CookieAuthenticationEvents { OnValidatePrincipal = SecurityStampValidator.ValidateAsync<ITwoFactorSecurityStampValidator> };
            })

            // SignInManager asks whether this browser was remembered for the second factor; we never remember one, but the scheme must exist.
            .AddCookie(IdentityConstants.TwoFactorRememberMeScheme, o =>
            {
                o.Cookie.Name = IdentityConstants.TwoFactorRememberMeScheme;
                Harden(o.Cookie, secure);
                o.Events = new CookieAuthenticationEvents { OnValidatePrincipal = SecurityStampValidator.ValidateAsync<ITwoFactorSecurityStampValidator> };
            })
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, "API token", null);

        // Antiforgery refuses to work at all over HTTP with Always; its cookie is no credential, so it follows the request.
        services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);

        services.AddSingleton<IPostConfigureOptions<CookieAuthenticationOptions>, RememberedTickets.Setup>();
        AddDataProtection(builder);
        AddMail(builder);
        AddLimits(builder);
    }

    /// <summary>Runs after UseAuthentication and before UseAuthorization.</summary>
    public static void UseRegiekamerAccounts(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        app.Use(RequestLimits.Refuse);
        app.UseRateLimiter();
        app.UseMiddleware<AdministratorTwoFactorGate>();
    }

    /// <summary>Seeds the demo accounts (one per role) when Demo:Seed is on, in Development only.</summary>
    public static async Task SeedDemoAccountsAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!ShowsDemoAccounts(app.Environment, app.Configuration))
        {
            return;
        }

        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        var created = await DemoAccounts.SeedAsync(
            services.GetRequiredService<AccountService>(),
            services.GetRequiredService<UserManager<RegiekamerUser>>(),
            services.GetRequiredService<IUserStore<RegiekamerUser>>(),
            services.GetRequiredService<RegiekamerDb>());
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Regiekamer.Accounts");
        if (created.Count > 0 && logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Demo accounts created (password {Password}): {Accounts}", DemoAccounts.Password, string.Join(", ", created));
        }

        // With the accounts, a dossier to walk through: Scheldeland's draft with an extension labelled as demo.
        var dossier = await Core.Applications.DemoDossier.SeedAsync(
            services.GetRequiredService<RegiekamerDb>(),
            services.GetRequiredService<Core.Calls.CallService>(),
            services.GetRequiredService<Core.Applications.ApplicationService>(),
            services.GetRequiredService<Core.Applications.ReviewService>(),
            services.GetRequiredService<Core.Common.BrusselsClock>());
        if (dossier is { } id && logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Demo application dossier {Id} created for Scheldeland, with a demo extension of a year.", id);
        }

        // And the grant cycle over the other demo partnerships (Demo:GrantCycle): decrees, payments, reports, a reclaim.
        if (app.Configuration.GetValue<bool>("Demo:GrantCycle"))
        {
            var settings = services.GetRequiredService<Core.Notifications.NotificationSettings>();
            DemoGrantCycleSummary? cycle = null;
            try
            {
                cycle = await services.GetRequiredService<DatabaseSeeder>().SeedDemoGrantCycleAsync(services.GetRequiredService<DatabaseOptions>(), s => s.AddSingleton(settings));
            }
            catch (InvalidOperationException e)
            {
                // A service refused a step (the message names it): the app still starts; the demo simply lacks its grants.
                logger.LogError(e, "The demo grant cycle could not be made; the demo has no grants.");
            }

            if (cycle is not null && logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation(
                    "Demo grant cycle created: {Partnerships} approved demo partnerships, {Decrees} published decrees, {Paid} payments paid, {Reports} annual reports, reclaim {Reclaim}.",
                    cycle.Partnerships,
                    cycle.Decrees,
                    cycle.PaymentsPaid,
                    cycle.Reports,
                    cycle.ReclaimId);
            }
        }
    }

    /// <summary>Demo accounts exist, and the sign-in page lists them, only in Development with Demo:Seed on.</summary>
    public static bool ShowsDemoAccounts(IHostEnvironment environment, IConfiguration config)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(config);
        return environment.IsDevelopment() && config.GetValue<bool>("Demo:Seed");
    }

    /// <summary>Keys in the database (docs/adr/0005); encrypted at rest when DataProtection:CertificatePath names a PFX.</summary>
    private static void AddDataProtection(WebApplicationBuilder builder)
    {
        var protection = builder.Services.AddDataProtection().SetApplicationName("Regiekamer");
        builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(services =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new DatabaseKeyRepository(services.GetRequiredService<IServiceScopeFactory>())));
        if (builder.Configuration["DataProtection:CertificatePath"] is { Length: > 0 } path)
        {
            protection.ProtectKeysWithCertificate(X509CertificateLoader.LoadPkcs12FromFile(path, builder.Configuration["DataProtection:CertificatePassword"]));
        }
    }

    private static void AddMail(WebApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection("Mail").Get<MailSettings>() ?? new MailSettings();
        if (settings.LinkBaseUrl is { Length: > 0 } linkBase
            && !(Uri.TryCreate(linkBase, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && uri.Query.Length == 0 && uri.Fragment.Length == 0))
        {
            throw new InvalidOperationException($"Mail:LinkBaseUrl: '{linkBase}' is not an absolute http(s) address without query, e.g. https://regiekamer.example.be.");
        }

        builder.Services.AddSingleton(settings);
        builder.Services.AddScoped<ResetMail>();
        if (!string.IsNullOrWhiteSpace(settings.Smtp.Host))
        {
            builder.Services.AddSingleton<IMailSender>(new SmtpMailSender(settings.Smtp, settings.From));
        }
        else
        {
            var folder = Path.Combine(builder.Environment.ContentRootPath, settings.PickupFolder);
            builder.Services.AddSingleton<IMailSender>(services => new PickupFolderMailSender(folder, settings.From, services.GetRequiredService<TimeProvider>()));
        }
    }

    /// <summary>Request size limits (oversized bodies get 413) and the sign-in rate limit per client IP (429).</summary>
    private static void AddLimits(WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        builder.Services.Configure<FormOptions>(o =>
        {
            o.MultipartBodyLengthLimit = MaxRequestBodyBytes;
            o.ValueLengthLimit = 1024 * 1024;
            o.ValueCountLimit = 1024;
        });

        var perMinute = builder.Configuration.GetValue(LoginRateLimitKey, 10);
        builder.Services.AddRateLimiter(o =>
        {
            o.AddPolicy(SignInRateLimit, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    $"{context.Connection.RemoteIpAddress ?? IPAddress.None} {context.GetEndpoint()?.DisplayName}",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter(""));
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                await RequestLimits.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, RequestLimits.TooManyAttempts);
            };
        });
    }

    private static void Harden(CookieBuilder cookie, bool secure)
    {
        cookie.HttpOnly = true;
        cookie.SameSite = SameSiteMode.Lax;
        cookie.SecurePolicy = secure ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
    }

    private static Task Redirect(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
