using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Actors;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;
using Regiekamer.Core.Notifications;
using Regiekamer.Core.Vouchers;
using Regiekamer.Data.Tests.Notifications;
using Regiekamer.TestCommon;
using Actor = Regiekamer.Core.Accounts.Actor;
using SocialEconomyActor = Regiekamer.Core.Actors.Actor;

namespace Regiekamer.Data.Tests.Vouchers;

/// <summary>The vouchers' mails on both databases: queued with the change that causes them, with links that work, and nothing for a change that fails.</summary>
public sealed class VoucherMailTests
{
    private sealed record Setup(TestDatabase Database, int Partnership, int Provider, int ProviderWithoutMail, Actor Regisseur);

    private static async Task<Setup> SetUpAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var p = await database.Services.CreatePartnershipAsync(b => b.Interlocal("Tongeren", "Tongeren", "Bilzen").Named("Haspengouw"));
        await using var db = database.NewDb();
        var now = new DateTime(2023, 1, 2, 9, 0, 0, DateTimeKind.Utc);
        var maatwerk = SocialEconomyActor.Create(p.Id, "Maatwerkbedrijf Demo", KboNumber.Parse("0316381039"), "maatwerkbedrijf", now);
        maatwerk.SetContact(null, "info@maatwerk.test", null, now);
        var kringloop = SocialEconomyActor.Create(p.Id, "Kringloop Demo", null, "kringloopcentrum", now);
        db.Actors.AddRange(maatwerk, kringloop);
        await db.SaveChangesAsync();
        database.Time.SetUtcNow(new DateTimeOffset(2023, 2, 1, 9, 0, 0, TimeSpan.Zero));
        return new(database, p.Id, maatwerk.Id, kringloop.Id, new Actor(Guid.NewGuid(), "regisseur@haspengouw.test", "Regisseur"));
    }

    private static AsyncServiceScope Scope(Setup s)
    {
        var scope = s.Database.NewScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Actor = s.Regisseur;
        return scope;
    }

    private static T Ok<T>(Result<T> result)
    {
        Assert.True(result.IsSuccess, ApplicationBuilders.Describe(result.Errors));
        return result.Value!;
    }

    private static string Kbo(int body) => $"0{body:D7}{97 - (body % 97):D2}";

    private static VoucherApplicationInput Application(string kbo, int provider) =>
        new(kbo, $"Bakkerij {kbo}", $"Markt {kbo[^3..]}, 3700 Tongeren", "An Peeters", $"an@{kbo}.test", "011 22 33 44", provider, "Groenonderhoud van de bedrijfstuin", DeclaredNotRelated: true);

    private static async Task<VoucherScheme> OpenSchemeAsync(Setup s, string budget)
    {
        await using var scope = Scope(s);
        var vouchers = scope.ServiceProvider.GetRequiredService<VoucherService>();
        var scheme = Ok(await vouchers.CreateSchemeAsync(s.Partnership, new("Kennismakingscheque Haspengouw", "fixed", "500,00", null, 6, new(2023, 1, 1), new(2023, 12, 31), budget, 30, [s.Provider, s.ProviderWithoutMail])));
        return Ok(await vouchers.OpenSchemeAsync(scheme.Id, scheme.Version));
    }

    /// <summary>The token at the end of the mail's link, after checking the link's path.</summary>
    private static string TokenOf(Notification mail, string path)
    {
        Assert.StartsWith(path, mail.Link, StringComparison.Ordinal);
        var token = mail.Link![path.Length..];
        Assert.Equal(64, token.Length);
        return token;
    }

    private static string Sha256(string token) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EveryStep_QueuesItsMail_AndTheMailedLinksWork(DatabaseProvider provider)
    {
        var s = await SetUpAsync(provider);
        await using var database = s.Database;
        var scheme = await OpenSchemeAsync(s, "5000,00");
        var kbo = Kbo(4_000_001);
        await using (var scope = Scope(s))
        {
            Ok(await scope.ServiceProvider.GetRequiredService<VoucherService>().ApplyAsync(scheme.Id, Application(kbo, s.Provider), "192.0.2.1"));
        }

        var confirmation = Assert.Single(await Reminders.StoredAsync(database, NotificationKind.VoucherConfirmation));
        Assert.Equal(($"an@{kbo}.test", (Guid?)null, MailState.Pending, s.Partnership), (confirmation.Email, confirmation.UserId, confirmation.MailState, confirmation.PartnershipId));
        Assert.Contains("Kennismakingscheque Haspengouw", confirmation.SubjectNl, StringComparison.Ordinal);
        Assert.Contains("vóór de regisseur", confirmation.TextNl, StringComparison.Ordinal);
        var confirmToken = TokenOf(confirmation, "/Vouchers/Confirm/");

        VoucherDecision decision;
        await using (var scope = Scope(s))
        {
            var vouchers = scope.ServiceProvider.GetRequiredService<VoucherService>();
            var confirmed = Ok(await vouchers.ConfirmAsync(confirmToken));
            decision = Ok(await vouchers.DecideAsync(confirmed.Id, new VoucherDecisionInput(true, null, confirmed.Version)));
        }

        Assert.True(decision.ProviderMailed);
        var approved = Assert.Single(await Reminders.StoredAsync(database, NotificationKind.VoucherApproved));
        Assert.Equal($"an@{kbo}.test", approved.Email);
        Assert.Contains("01/08/2023", approved.TextNl, StringComparison.Ordinal);
        Assert.Contains("500,00", approved.TextNl, StringComparison.Ordinal);
        var companyToken = TokenOf(approved, "/Vouchers/Company/");
        Assert.NotEqual(confirmToken, companyToken);
        var delivery = Assert.Single(await Reminders.StoredAsync(database, NotificationKind.VoucherDelivery));
        Assert.Equal("info@maatwerk.test", delivery.Email);
        var providerToken = TokenOf(delivery, "/Vouchers/Provider/");
        Assert.Equal(decision.ProviderLink, delivery.Link);
        await using (var db = database.NewDb())
        {
            // Only hashes are stored: no token of any mail is in the voucher's row.
            var stored = await db.Vouchers.AsNoTracking().SingleAsync();
            Assert.Equal((Sha256(companyToken), Sha256(providerToken)), (stored.CompanyTokenHash, stored.ProviderTokenHash));
        }

        database.Time.SetUtcNow(new DateTimeOffset(2023, 2, 15, 9, 0, 0, TimeSpan.Zero));
        await using (var scope = Scope(s))
        {
            var vouchers = scope.ServiceProvider.GetRequiredService<VoucherService>();
            Ok(await vouchers.DeliverAsync(providerToken));
            var pdf = new UploadedFile("factuur.pdf", System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\nF-9\n%%EOF"));

            // The old confirmation mail no longer opens the voucher: the same answer as a link that never existed.
            Assert.Equal(ErrorKind.NotFound, (await vouchers.InvoiceAsync(confirmToken, new VoucherInvoiceInput("F-9", new DateOnly(2023, 2, 10), "600,00", null), pdf, null)).Errors[0].Kind);
            var invoiced = Ok(await vouchers.InvoiceAsync(companyToken, new VoucherInvoiceInput("F-9", new DateOnly(2023, 2, 10), "600,00", null), pdf, null));
            Ok(await vouchers.PayAsync(invoiced.Id, new VoucherPaymentInput(new DateOnly(2023, 2, 14), "BET-2023-17", invoiced.Version)));
        }

        Assert.Equal($"an@{kbo}.test", Assert.Single(await Reminders.StoredAsync(database, NotificationKind.VoucherDelivered)).Email);
        var paid = Assert.Single(await Reminders.StoredAsync(database, NotificationKind.VoucherPaid));
        Assert.Contains("14/02/2023", paid.TextNl, StringComparison.Ordinal);
        Assert.Contains("BET-2023-17", paid.TextEn, StringComparison.Ordinal);
        Assert.Null(paid.Link);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ARefusal_MailsTheReason_AndAProviderWithoutMail_IsSaidSo(DatabaseProvider provider)
    {
        var s = await SetUpAsync(provider);
        await using var database = s.Database;
        var scheme = await OpenSchemeAsync(s, "5000,00");
        await using var scope = Scope(s);
        var vouchers = scope.ServiceProvider.GetRequiredService<VoucherService>();
        var first = Ok(await vouchers.ConfirmAsync(Ok(await vouchers.ApplyAsync(scheme.Id, Application(Kbo(4_000_002), s.Provider), "192.0.2.2")).ConfirmationToken));
        var second = Ok(await vouchers.ConfirmAsync(Ok(await vouchers.ApplyAsync(scheme.Id, Application(Kbo(4_000_003), s.ProviderWithoutMail), "192.0.2.3")).ConfirmationToken));

        Ok(await vouchers.DecideAsync(first.Id, new VoucherDecisionInput(false, "De dienst valt buiten de regeling.", first.Version)));
        var refused = Assert.Single(await Reminders.StoredAsync(database, NotificationKind.VoucherRefused));
        Assert.Equal($"an@{Kbo(4_000_002)}.test", refused.Email);
        Assert.Contains("De dienst valt buiten de regeling.", refused.TextNl, StringComparison.Ordinal);

        var decision = Ok(await vouchers.DecideAsync(second.Id, new VoucherDecisionInput(true, null, second.Version)));
        Assert.False(decision.ProviderMailed);
        Assert.Equal("/Vouchers/Provider/" + decision.ProviderToken, decision.ProviderLink);
        Assert.Empty(await Reminders.StoredAsync(database, NotificationKind.VoucherDelivery));
        Assert.Single(await Reminders.StoredAsync(database, NotificationKind.VoucherApproved));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AChangeThatFails_QueuesNoMail(DatabaseProvider provider)
    {
        var s = await SetUpAsync(provider);
        await using var database = s.Database;
        var scheme = await OpenSchemeAsync(s, "500,00");
        await using var scope = Scope(s);
        var vouchers = scope.ServiceProvider.GetRequiredService<VoucherService>();

        // Bad input: nothing stored, nothing mailed.
        Assert.False((await vouchers.ApplyAsync(scheme.Id, Application(Kbo(4_000_004), s.Provider) with { ContactEmail = "geen adres" }, null)).IsSuccess);
        Assert.Empty(await Reminders.StoredAsync(database));

        var a = Ok(await vouchers.ConfirmAsync(Ok(await vouchers.ApplyAsync(scheme.Id, Application(Kbo(4_000_005), s.Provider), "192.0.2.5")).ConfirmationToken));
        var b = Ok(await vouchers.ConfirmAsync(Ok(await vouchers.ApplyAsync(scheme.Id, Application(Kbo(4_000_006), s.Provider), "192.0.2.6")).ConfirmationToken));
        var before = (await Reminders.StoredAsync(database)).Count;
        Assert.Equal(2, before);

        // A stale version, a refusal without reason, an approval beyond the budget: no decision, no mail.
        Assert.Equal("concurrency", (await vouchers.DecideAsync(a.Id, new VoucherDecisionInput(true, null, a.Version - 1))).Errors[0].Code);
        Assert.Equal("reason", (await vouchers.DecideAsync(a.Id, new VoucherDecisionInput(false, " ", a.Version))).Errors[0].Field);
        Ok(await vouchers.DecideAsync(a.Id, new VoucherDecisionInput(true, null, a.Version)));
        var afterApproval = (await Reminders.StoredAsync(database)).Count;
        Assert.Equal(before + 2, afterApproval);
        Assert.Equal(VoucherRules.Budget, (await vouchers.DecideAsync(b.Id, new VoucherDecisionInput(true, null, b.Version))).Errors[0].Code);
        Assert.Equal(afterApproval, (await Reminders.StoredAsync(database)).Count);

        // A payment whose save fails (someone changed the voucher since it was read) had its mail staged: it is not stored either.
        var provider2 = (await Reminders.StoredAsync(database, NotificationKind.VoucherDelivery)).Single();
        var company = (await Reminders.StoredAsync(database, NotificationKind.VoucherApproved)).Single();
        database.Time.SetUtcNow(new DateTimeOffset(2023, 2, 15, 9, 0, 0, TimeSpan.Zero));
        Ok(await vouchers.DeliverAsync(TokenOf(provider2, "/Vouchers/Provider/")));
        var invoiced = Ok(await vouchers.InvoiceAsync(TokenOf(company, "/Vouchers/Company/"), new VoucherInvoiceInput("F-1", new DateOnly(2023, 2, 10), "500,00", null), new UploadedFile("f.pdf", System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\nF-1\n%%EOF")), null));
        var beforePay = (await Reminders.StoredAsync(database)).Count;
        Assert.Equal("concurrency", (await vouchers.PayAsync(invoiced.Id, new VoucherPaymentInput(new DateOnly(2023, 2, 14), "BET-1", invoiced.Version - 1))).Errors[0].Code);
        Assert.Equal("validation", (await vouchers.PayAsync(invoiced.Id, new VoucherPaymentInput(null, "BET-1", invoiced.Version))).Errors[0].Code);
        Assert.Equal(beforePay, (await Reminders.StoredAsync(database)).Count);
        Assert.Empty(await Reminders.StoredAsync(database, NotificationKind.VoucherPaid));
        await using var db = database.NewDb();
        Assert.Equal(VoucherStatus.Invoiced, (await db.Vouchers.AsNoTracking().SingleAsync(v => v.Id == invoiced.Id)).Status);
    }
}
