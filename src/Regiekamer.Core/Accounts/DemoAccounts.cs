using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;
using Regiekamer.Core.Partnerships;

namespace Regiekamer.Core.Accounts;

/// <summary>One demo user per role, for development only, with a password everyone knows.</summary>
public sealed record DemoAccount(string Email, string DisplayName, Role Role)
{
    /// <summary>Partnership roles hold for the Scheldeland demo partnership.</summary>
    public bool ForScheldeland => !Role.IsDepartmentRole();
}

/// <summary>
/// The demo accounts the development database gets (Demo:Seed in Development, never elsewhere), shown on the
/// sign-in page in Development. The administrator's authenticator key is fixed so it can be shown too.
/// </summary>
public static class DemoAccounts
{
    public const string Password = "Regiekamer-demo-2026";

    /// <summary>Base32 of "Regiekamer-demo-2026": add it to an authenticator app (or compute the code with oathtool --totp -b).</summary>
    public const string AdministratorAuthenticatorKey = "KJSWO2LFNNQW2ZLSFVSGK3LPFUZDAMRW";

    public const string ScheldelandName = "Interlokale Vereniging Sociale Economie Scheldeland";

    public static IReadOnlyList<DemoAccount> All { get; } =
    [
        new("beheerder@regiekamer.demo", "Bea Beheerder", Role.Administrator),
        new("dossier@regiekamer.demo", "Dirk Dossierbehandelaar", Role.CaseHandler),
        new("beleid@regiekamer.demo", "Bert Beleidsmedewerker", Role.PolicyOfficer),
        new("regisseur@regiekamer.demo", "Rita Regisseur", Role.Regisseur),
        new("ondertekenaar@regiekamer.demo", "Olivier Ondertekenaar", Role.Signatory),
        new("lid@regiekamer.demo", "Lien Lidgemeente", Role.MemberViewer),
    ];

    /// <summary>Creates the accounts that do not exist yet (by e-mail); returns the e-mail addresses created. Needs the demo partnerships.</summary>
    public static async Task<IReadOnlyList<string>> SeedAsync(AccountService accounts, UserManager<RegiekamerUser> users, IUserStore<RegiekamerUser> store, RegiekamerDb db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(db);
        var scheldeland = await db.Partnerships.AsNoTracking().Where(p => p.IsDemo && p.Name == ScheldelandName).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct)
            ?? throw new InvalidOperationException($"The demo partnership '{ScheldelandName}' is missing: seed the demo partnerships (DatabaseSeeder.SeedDemoAsync) first.");
        var created = new List<string>();
        foreach (var account in All)
        {
            if (await users.FindByEmailAsync(account.Email) is not null)
            {
                continue;
            }

            var grant = new RoleGrant(account.Role, account.ForScheldeland ? scheldeland : null);
            var result = await accounts.CreateAsync(account.Email, account.DisplayName, [grant], Password, ct);
            if (!result.IsSuccess)
            {
                throw new InvalidOperationException($"Demo account {account.Email}: {string.Join(" ", result.Errors.Select(e => e.Message.En))}");
            }

            if (account.Role == Role.Administrator)
            {
                // The fixed key, so the sign-in page can show it; the normal way (a code from the app) needs a person.
                var user = result.Value!;
                await ((IUserAuthenticatorKeyStore<RegiekamerUser>)store).SetAuthenticatorKeyAsync(user, AdministratorAuthenticatorKey, ct);
                user.TwoFactorEnabled = true;
                var saved = await users.UpdateAsync(user);
                if (!saved.Succeeded)
                {
                    throw new InvalidOperationException($"Demo account {account.Email}: {string.Join(" ", saved.Errors.Select(e => e.Description))}");
                }
            }

            created.Add(account.Email);
        }

        return created;
    }

    /// <summary>What the sign-in page shows for a demo account's roles.</summary>
    public static Bilingual RoleLabel(DemoAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var role = RoleNames.Of(account.Role);
        return account.ForScheldeland ? new Bilingual($"{role.Nl} van Scheldeland", $"{role.En} of Scheldeland") : role;
    }
}
