using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Regiekamer.Core.Data;

namespace Regiekamer.Core.Accounts;

/// <summary>
/// ASP.NET Core Identity as Regiekamer uses it, shared by the web app and the CLI: users stored in RegiekamerDb,
/// e-mail as user name, length over composition for passwords (NIST SP 800-63B), lockout after repeated failures.
/// </summary>
public static class IdentitySetup
{
    public const int MinimumPasswordLength = 12;

    public const int MaxFailedAccessAttempts = 5;

    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    public static void Configure(IdentityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Password.RequiredLength = MinimumPasswordLength;
        options.Password.RequiredUniqueChars = 5;
        options.Password.RequireDigit = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = MaxFailedAccessAttempts;
        options.Lockout.DefaultLockoutTimeSpan = LockoutDuration;
        options.User.RequireUniqueEmail = true;

        // The e-mail is the user name; the e-mail validator already decides what an address may contain.
        options.User.AllowedUserNameCharacters = "";
        options.SignIn.RequireConfirmedAccount = false;
        options.SignIn.RequireConfirmedEmail = false;
        options.Tokens.AuthenticatorIssuer = "Regiekamer";
    }

    /// <summary>Users, the claims factory, the authenticator token provider and the account services. The web app adds sign-in and the other token providers.</summary>
    public static IdentityBuilder AddRegiekamerIdentity(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddScoped<AccountService>();
        services.AddScoped<ApiTokenService>();
        services.AddSingleton<ApiTokenCache>();
        services.AddScoped<Audit.PersonalDataService>();
        return services.AddIdentityCore<RegiekamerUser>(Configure)
            .AddEntityFrameworkStores<RegiekamerDb>()
            .AddClaimsPrincipalFactory<RegiekamerClaimsFactory>()
            .AddTokenProvider<AuthenticatorTokenProvider<RegiekamerUser>>(TokenOptions.DefaultAuthenticatorProvider);
    }
}
