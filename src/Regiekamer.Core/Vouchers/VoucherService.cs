using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Actors;
using Regiekamer.Core.Audit;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;
using Regiekamer.Core.Kbo;
using Regiekamer.Core.Partnerships;
using Regiekamer.Core.ReferenceData;

namespace Regiekamer.Core.Vouchers;

/// <summary>A scheme as the regisseur sets it up: name, rule (fixed or co-funded), amounts in euros as typed, months, period, budget, target and providers.</summary>
public sealed record VoucherSchemeInput(string? Name, string? Kind, string? Value, string? OwnShare, int? UseWithinMonths, DateOnly? From, DateOnly? Until, string? Budget, int? TargetCompanies, IReadOnlyList<int>? Providers);

/// <summary>A company's application on the public form, before it buys (KC3, KC4).</summary>
public sealed record VoucherApplicationInput(string? CompanyKbo, string? CompanyName, string? CompanyAddress, string? ContactName, string? ContactEmail, string? ContactPhone, int? ProviderActorId, string? Service, bool DeclaredNotRelated, DateOnly? PurchasedOn = null);

/// <summary>The regisseur's decision on a confirmed application, with the version read.</summary>
public sealed record VoucherDecisionInput(bool Approve, string? Reason, int Version);

/// <summary>The invoice as the company enters it next to its PDF (KC6): number, date, total and, co-funded, what it paid itself.</summary>
public sealed record VoucherInvoiceInput(string? Number, DateOnly? Date, string? Total, string? PaidByCompany);

/// <summary>An uploaded file: its name and bytes.</summary>
public sealed record UploadedFile(string FileName, byte[] Content);

/// <summary>The payout as booked: date and reference, with the version read.</summary>
public sealed record VoucherPaymentInput(DateOnly? PaidOn, string? Reference, int Version);

/// <summary>
/// A decision, and on approval the tokens of the provider's link to confirm delivery and of the company's new link to its
/// voucher page (both mailed; only their SHA-256 is stored). <see cref="ProviderMailed"/> is false when the provider has no
/// e-mail address: the regisseur passes <see cref="ProviderLink"/> on.
/// </summary>
public sealed record VoucherDecision(Voucher Voucher, string? ProviderToken, string? CompanyToken = null, bool ProviderMailed = false)
{
    public string? ProviderLink => ProviderToken is null ? null : VoucherMails.ProviderLink(ProviderToken);
}

/// <summary>A new application and the token of the company's link (to mail; only its SHA-256 is stored).</summary>
public sealed record VoucherApplication(Voucher Voucher, string ConfirmationToken);

/// <summary>
/// The introduction vouchers (issue 10, point 6; docs/adr/0015): a partnership's schemes, the companies' applications and
/// their confirmation, and the regisseur's decision, which reserves the value without ever overcommitting the budget
/// (KC2): every approval first raises the scheme's Version in its transaction, which takes the scheme's write lock (a
/// row lock on PostgreSQL, the database's on SQLite), so concurrent approvals of one scheme queue, and each reads the
/// budget as the one before it left it.
/// </summary>
public sealed class VoucherService(RegiekamerDb db, AuditTrail audit, BrusselsClock clock, CurrentActor actor, KboService kbo, VoucherMails mails)
{
    public const string SchemeAuditEntity = "VoucherScheme";
    public const string VoucherAuditEntity = "Voucher";

    public async Task<VoucherScheme?> SchemeAsync(int id, CancellationToken ct = default) =>
        await db.VoucherSchemes.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);

    public async Task<IReadOnlyList<VoucherScheme>> SchemesAsync(int? partnershipId, CancellationToken ct = default) =>
        await db.VoucherSchemes.AsNoTracking().Where(s => partnershipId == null || s.PartnershipId == partnershipId).OrderByDescending(s => s.From).ThenBy(s => s.Id).ToListAsync(ct);

    public async Task<Result<VoucherScheme>> CreateSchemeAsync(int partnershipId, VoucherSchemeInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        db.ChangeTracker.Clear();
        if (!await db.Partnerships.AnyAsync(p => p.Id == partnershipId, ct))
        {
            return PartnershipNotFound(partnershipId);
        }

        var (name, terms, providers, errors) = await CheckSchemeAsync(partnershipId, input, ct);
        if (errors.Count > 0)
        {
            return Result<VoucherScheme>.Fail(errors);
        }

        var scheme = VoucherScheme.Create(partnershipId, name!, terms!, providers, clock.UtcNow);
        await using var tx = await db.TransactionAsync(ct);
        db.VoucherSchemes.Add(scheme);
        await db.SaveChangesAsync(ct);
        audit.Record(new VoucherSchemeCreated(scheme.Id, VoucherSchemeSnapshot.Of(scheme)));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result<VoucherScheme>.Ok(scheme);
    }

    /// <summary>Opens a draft scheme to applications (its terms are then fixed).</summary>
    public async Task<Result<VoucherScheme>> OpenSchemeAsync(int id, int version, CancellationToken ct = default)
    {
        db.ChangeTracker.Clear();
        var scheme = await db.VoucherSchemes.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (scheme is null)
        {
            return SchemeNotFound(id);
        }

        if (scheme.Status != VoucherSchemeStatus.Draft)
        {
            return DomainError.Conflict("scheme-not-draft", "Alleen een regeling in opmaak kan worden opengesteld.", "Only a draft scheme can be opened.");
        }

        var old = VoucherSchemeSnapshot.Of(scheme);
        db.ExpectVersion(scheme, version);
        scheme.Open(clock.UtcNow);
        audit.Record(new VoucherSchemeChanged(scheme.Id, VoucherAuditActions.Opened, old, VoucherSchemeSnapshot.Of(scheme)));
        return await SaveAsync(scheme, ct);
    }

    /// <summary>
    /// A company applies on the public form (KC3, KC4): checked at the edge, stored unconfirmed with the SHA-256 of a new
    /// token for the e-mail link. Says nothing about other companies or vouchers: the controls run at confirmation.
    /// </summary>
    public async Task<Result<VoucherApplication>> ApplyAsync(int schemeId, VoucherApplicationInput input, string? ip, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        db.ChangeTracker.Clear();
        var scheme = await db.VoucherSchemes.AsNoTracking().FirstOrDefaultAsync(s => s.Id == schemeId, ct);
        if (scheme is null || scheme.Status == VoucherSchemeStatus.Draft)
        {
            return SchemeNotFound(schemeId);
        }

        var today = clock.Today;
        var errors = new List<DomainError>();
        if (scheme.Status == VoucherSchemeStatus.Closed || today < scheme.From || today > scheme.Until)
        {
            errors.Add(DomainError.Rule(VoucherRules.OnePerCompany, $"KC3: de regeling neemt aanvragen aan van {Formats.Date(scheme.From)} tot en met {Formats.Date(scheme.Until)}.", $"KC3: the scheme takes applications from {Formats.Date(scheme.From)} to {Formats.Date(scheme.Until)}.", "schemeId"));
        }

        if (!KboNumber.TryParse(input.CompanyKbo, out var kbo))
        {
            errors.Add(DomainError.Invalid("validation", "Ondernemingsnummer: tien cijfers met een geldig controlegetal, bv. 0207.000.077.", "Enterprise number: ten digits with valid check digits, e.g. 0207.000.077.", "companyKbo"));
        }

        var name = Required(input.CompanyName, 300, "companyName", "Naam van het bedrijf", "Company name", errors);
        var address = InputText.Clean(input.CompanyAddress, 300);
        var contactName = Required(input.ContactName, 200, "contactName", "Contactpersoon", "Contact person", errors);
        var email = InputText.Clean(input.ContactEmail, 254);
        if (email is null || !email.Contains('@', StringComparison.Ordinal) || email.Contains(' ', StringComparison.Ordinal))
        {
            errors.Add(DomainError.Invalid("validation", "E-mail: een geldig e-mailadres; daarheen gaat de link om de aanvraag te bevestigen.", "E-mail: a valid e-mail address; the link to confirm the application goes there.", "contactEmail"));
        }

        var phone = InputText.Clean(input.ContactPhone, 40);
        var service = Required(input.Service, 2000, "service", "Welke dienst", "Which service", errors);
        if (input.ProviderActorId is not { } provider || scheme.Providers.All(p => p.ActorId != provider))
        {
            errors.Add(DomainError.Rule(VoucherRules.Provider, "KC5: kies een aanbieder van de regeling.", "KC5: choose one of the scheme's providers.", "providerActorId"));
        }

        if (!input.DeclaredNotRelated)
        {
            errors.Add(DomainError.Rule(VoucherRules.RegularCompany, "KC4: verklaar dat het bedrijf niet verbonden is met de aanbieder (kapitaal of stemrechten, een gemeenschappelijke bestuurder, familie tot de tweede graad).", "KC4: declare that the company is not related to the provider (capital or voting rights, a shared director, family to the second degree).", "declaredNotRelated"));
        }

        if (input.PurchasedOn is { } bought && bought < today)
        {
            errors.Add(DomainError.Rule(VoucherRules.OnePerCompany, "KC3: de cheque wordt aangevraagd vóór de aankoop.", "KC3: the voucher is applied for before the purchase.", "purchasedOn"));
        }

        if (errors.Count > 0)
        {
            return Result<VoucherApplication>.Fail(errors);
        }

        var token = NewToken();
        var voucher = Voucher.Apply(scheme, kbo, name!, address, contactName, email, phone, input.ProviderActorId!.Value, service!, input.DeclaredNotRelated, InputText.Clean(ip, 45), Hash(token), clock.UtcNow, today);
        await using var tx = await db.TransactionAsync(ct);
        db.Vouchers.Add(voucher);
        await db.SaveChangesAsync(ct);
        audit.Record(new VoucherApplied(voucher.Id, VoucherSnapshot.Of(voucher)));
        await mails.StageApplicationAsync(voucher, scheme, token, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result<VoucherApplication>.Ok(new VoucherApplication(voucher, token));
    }

    /// <summary>
    /// The company follows its e-mail link: the application is confirmed and the controls run (KC3–KC9), their findings
    /// kept for the regisseur. An unknown or used token is one answer, "not found", whatever the reason.
    /// </summary>
    public async Task<Result<Voucher>> ConfirmAsync(string? token, CancellationToken ct = default)
    {
        db.ChangeTracker.Clear();
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return LinkNotFound();
        }

        var hash = Hash(token);
        var voucher = await db.Vouchers.FirstOrDefaultAsync(v => v.CompanyTokenHash == hash && v.Status == VoucherStatus.Unconfirmed, ct);
        if (voucher is null)
        {
            return LinkNotFound();
        }

        var scheme = await db.VoucherSchemes.AsNoTracking().FirstAsync(s => s.Id == voucher.VoucherSchemeId, ct);
        var findings = VoucherChecks.CheckApplication(await FactsAsync(scheme, voucher, ct));
        var old = VoucherSnapshot.Of(voucher);
        voucher.Confirm(findings, clock.UtcNow);
        audit.Record(new VoucherChanged(voucher.Id, VoucherAuditActions.Confirmed, old, VoucherSnapshot.Of(voucher)));
        return await SaveAsync(voucher, ct);
    }

    /// <summary>
    /// The regisseur approves (reserving the scheme's value, KC2, only when no control refuses it) or refuses (with a
    /// reason) a confirmed application, with the version read.
    /// </summary>
    public async Task<Result<VoucherDecision>> DecideAsync(int voucherId, VoucherDecisionInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        db.ChangeTracker.Clear();
        var reason = InputText.Clean(input.Reason, int.MaxValue);
        if ((!input.Approve && reason is null) || reason?.Length > 2000)
        {
            return DomainError.Invalid("validation", "Reden: verplicht bij een weigering, hoogstens 2.000 tekens.", "Reason: required for a refusal, at most 2,000 characters.", "reason");
        }

        await using var tx = await db.TransactionAsync(ct);
        var voucher = await db.Vouchers.FirstOrDefaultAsync(v => v.Id == voucherId, ct);
        if (voucher is null)
        {
            return VoucherNotFound(voucherId);
        }

        if (voucher.Status != VoucherStatus.Applied)
        {
            return DomainError.Conflict("voucher-not-applied", "Alleen een bevestigde aanvraag wordt goedgekeurd of geweigerd.", "Only a confirmed application is approved or refused.");
        }

        if (voucher.Version != input.Version)
        {
            return Concurrency(voucher);
        }

        var old = VoucherSnapshot.Of(voucher);
        var now = clock.UtcNow;
        if (!input.Approve)
        {
            voucher.Refuse(clock.Today, actor.Actor.UserId, reason!, now);
            audit.Record(new VoucherChanged(voucher.Id, VoucherAuditActions.Refused, old, VoucherSnapshot.Of(voucher)));
            await mails.StageRefusalAsync(voucher, await db.VoucherSchemes.AsNoTracking().FirstAsync(s => s.Id == voucher.VoucherSchemeId, ct), ct);
            var refused = await SaveAsync(voucher, ct);
            if (!refused.IsSuccess)
            {
                return Result<VoucherDecision>.Fail(refused.Errors);
            }

            await tx.CommitAsync(ct);
            return Result<VoucherDecision>.Ok(new VoucherDecision(voucher, null));
        }

        // The scheme's write lock first (KC2): the budget read below is then the one the previous approval left.
        if (await db.VoucherSchemes.Where(s => s.Id == voucher.VoucherSchemeId && s.Status != VoucherSchemeStatus.Draft)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.Version, s => s.Version + 1).SetProperty(s => s.UpdatedAtUtc, now), ct) == 0)
        {
            return SchemeNotFound(voucher.VoucherSchemeId);
        }

        var scheme = await db.VoucherSchemes.AsNoTracking().FirstAsync(s => s.Id == voucher.VoucherSchemeId, ct);
        var refusals = await RefusalsAsync(scheme, voucher, ct);
        if (refusals.Count > 0)
        {
            return Result<VoucherDecision>.Fail(refusals.Select(f => DomainError.Rule(f.Rule, $"{f.Rule}: {f.Reason.Nl}", $"{f.Rule}: {f.Reason.En}", "approve")).ToList());
        }

        var position = await BudgetOfAsync(scheme, ct);
        var reserved = VoucherRules.Reserve(position, scheme.Value);
        if (!reserved.IsSuccess)
        {
            return Result<VoucherDecision>.Fail(reserved.Errors);
        }

        var providerToken = NewToken();
        voucher.Approve(scheme.Value, VoucherRules.LastDayOfUse(clock.Today, scheme.UseWithinMonths), Hash(providerToken), clock.Today, actor.Actor.UserId, reason, now);

        // A new company link, mailed with the approval: an old confirmation mail no longer opens the voucher page.
        var companyToken = NewToken();
        voucher.ReissueCompanyLink(Hash(companyToken), now);
        audit.Record(new VoucherChanged(voucher.Id, VoucherAuditActions.Approved, old, VoucherSnapshot.Of(voucher)));
        await mails.StageApprovalAsync(voucher, scheme, companyToken, ct);
        var providerMailed = await mails.StageDeliveryRequestAsync(voucher, scheme, providerToken, ct);
        var saved = await SaveAsync(voucher, ct);
        if (!saved.IsSuccess)
        {
            return Result<VoucherDecision>.Fail(saved.Errors);
        }

        await tx.CommitAsync(ct);
        return Result<VoucherDecision>.Ok(new VoucherDecision(voucher, providerToken, companyToken, providerMailed));
    }

    /// <summary>The provider follows its link and confirms it delivered (an approved voucher, not lapsed).</summary>
    public async Task<Result<Voucher>> DeliverAsync(string? providerToken, CancellationToken ct = default)
    {
        db.ChangeTracker.Clear();
        var voucher = await ByTokenAsync(providerToken, hash => v => v.ProviderTokenHash == hash, ct);
        if (voucher is null || voucher.Status != VoucherStatus.Approved || clock.Today > voucher.LastDayOfUse)
        {
            return LinkNotFound();
        }

        var old = VoucherSnapshot.Of(voucher);
        voucher.Deliver(clock.Today, clock.UtcNow);
        audit.Record(new VoucherChanged(voucher.Id, VoucherAuditActions.Delivered, old, VoucherSnapshot.Of(voucher)));
        await mails.StageDeliveredAsync(voucher, await db.VoucherSchemes.AsNoTracking().FirstAsync(s => s.Id == voucher.VoucherSchemeId, ct), ct);
        return await SaveAsync(voucher, ct);
    }

    /// <summary>
    /// The company uploads its invoice (and, co-funded, the proof of its own share) through its link, after the provider
    /// confirmed delivery and by the last day of use (KC6, KC7). PDFs only, checked by content; a number or file used
    /// before, an invoice from before the application, or one below value + own share is refused and nothing is stored.
    /// </summary>
    public async Task<Result<Voucher>> InvoiceAsync(string? companyToken, VoucherInvoiceInput input, UploadedFile? invoice, UploadedFile? ownShareProof, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        db.ChangeTracker.Clear();
        var voucher = await ByTokenAsync(companyToken, hash => v => v.CompanyTokenHash == hash, ct);
        if (voucher is null)
        {
            return LinkNotFound();
        }

        if (voucher.Status != VoucherStatus.Delivered)
        {
            return DomainError.Conflict("voucher-not-delivered", "De factuur volgt nadat de aanbieder de levering bevestigde.", "The invoice follows once the provider confirmed delivery.");
        }

        var scheme = await db.VoucherSchemes.AsNoTracking().FirstAsync(s => s.Id == voucher.VoucherSchemeId, ct);
        var errors = new List<DomainError>();
        if (clock.Today > voucher.LastDayOfUse)
        {
            errors.Add(DomainError.Rule(VoucherRules.Lapse, $"KC7: de cheque kon gebruikt worden tot en met {Formats.Date(voucher.LastDayOfUse!.Value)}.", $"KC7: the voucher could be used until {Formats.Date(voucher.LastDayOfUse!.Value)}.", "invoice"));
        }

        var number = Required(input.Number, 100, "number", "Factuurnummer", "Invoice number", errors);
        if (input.Date is null || input.Date > clock.Today)
        {
            errors.Add(DomainError.Invalid("validation", "Factuurdatum: verplicht, niet later dan vandaag.", "Invoice date: required, not after today.", "date"));
        }

        var total = Amount(input.Total, "total", "Factuurbedrag", "Invoice total", errors, required: true);
        var paidByCompany = Amount(input.PaidByCompany, "paidByCompany", "Zelf betaald", "Paid by the company", errors, required: scheme.Kind == VoucherKind.CoFunded);
        CheckPdf(invoice, "invoice", "Factuur", "Invoice", errors);
        if (scheme.Kind == VoucherKind.CoFunded)
        {
            CheckPdf(ownShareProof, "ownShareProof", "Bewijs van eigen inbreng", "Proof of own share", errors);
        }

        if (errors.Count > 0)
        {
            return Result<Voucher>.Fail(errors);
        }

        var invoiceHash = Sha256Hex(invoice!.Content);
        var numberUsed = await db.Vouchers.AnyAsync(v => v.Id != voucher.Id && v.ProviderActorId == voucher.ProviderActorId && v.InvoiceNumber == number, ct);
        var fileUsed = await db.VoucherFiles.AnyAsync(f => f.Sha256 == invoiceHash, ct);
        var findings = VoucherChecks.CheckInvoice(scheme.Terms, voucher.AppliedOn, input.Date!.Value, total, numberUsed, fileUsed);
        var refusals = findings.Where(f => f.Outcome == VoucherCheckOutcome.Refused).Select(f => DomainError.Rule(f.Rule, $"{f.Rule}: {f.Reason.Nl}", $"{f.Rule}: {f.Reason.En}", "invoice")).ToList();
        var payout = VoucherRules.Payout(scheme.Terms, total, scheme.Kind == VoucherKind.CoFunded ? paidByCompany : Money.Zero);
        refusals.AddRange(payout.Errors);
        if (refusals.Count > 0)
        {
            return Result<Voucher>.Fail(refusals);
        }

        var flags = findings.Where(f => f.Outcome == VoucherCheckOutcome.Flagged).Select(f => $"{f.Rule} {f.Outcome}: {f.Reason.Nl}").ToList();
        var old = VoucherSnapshot.Of(voucher);
        await using var tx = await db.TransactionAsync(ct);
        voucher.Invoice(number!, input.Date!.Value, total, paidByCompany, payout.Value, flags.Count == 0 ? null : string.Join('\n', flags), clock.UtcNow);
        db.VoucherFiles.Add(File(voucher.Id, VoucherFileKind.Invoice, invoice));
        if (scheme.Kind == VoucherKind.CoFunded)
        {
            db.VoucherFiles.Add(File(voucher.Id, VoucherFileKind.OwnShareProof, ownShareProof!));
        }

        audit.Record(new VoucherChanged(voucher.Id, VoucherAuditActions.Invoiced, old, VoucherSnapshot.Of(voucher)));
        var saved = await SaveAsync(voucher, ct);
        if (saved.IsSuccess)
        {
            await tx.CommitAsync(ct);
        }

        return saved;
    }

    /// <summary>The regisseur checked the invoice and the voucher is paid out, recorded with date and reference.</summary>
    public async Task<Result<Voucher>> PayAsync(int voucherId, VoucherPaymentInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        db.ChangeTracker.Clear();
        var voucher = await db.Vouchers.FirstOrDefaultAsync(v => v.Id == voucherId, ct);
        if (voucher is null)
        {
            return VoucherNotFound(voucherId);
        }

        if (voucher.Status != VoucherStatus.Invoiced)
        {
            return DomainError.Conflict("voucher-not-invoiced", "Alleen een cheque met een nagekeken factuur wordt uitbetaald.", "Only a voucher with its invoice in is paid out.");
        }

        var errors = new List<DomainError>();
        if (input.PaidOn is not { } paidOn || paidOn < voucher.InvoiceDate || paidOn > clock.Today)
        {
            errors.Add(DomainError.Invalid("validation", "Betaald op: een datum vanaf de factuurdatum tot vandaag.", "Paid on: a date from the invoice date up to today.", "paidOn"));
        }

        var reference = Required(input.Reference, 100, "reference", "Referentie van de betaling", "Payment reference", errors);
        if (errors.Count > 0)
        {
            return Result<Voucher>.Fail(errors);
        }

        var old = VoucherSnapshot.Of(voucher);
        db.ExpectVersion(voucher, input.Version);
        voucher.Pay(input.PaidOn!.Value, reference!, clock.UtcNow);
        audit.Record(new VoucherChanged(voucher.Id, VoucherAuditActions.Paid, old, VoucherSnapshot.Of(voucher)));
        await mails.StagePaymentAsync(voucher, await db.VoucherSchemes.AsNoTracking().FirstAsync(s => s.Id == voucher.VoucherSchemeId, ct), ct);
        return await SaveAsync(voucher, ct);
    }

    /// <summary>Every approved or delivered voucher past its last day of use lapses (KC7), releasing its reservation; returns how many.</summary>
    public async Task<int> LapseDueAsync(CancellationToken ct = default)
    {
        db.ChangeTracker.Clear();
        var today = clock.Today;
        var due = await db.Vouchers.Where(v => (v.Status == VoucherStatus.Approved || v.Status == VoucherStatus.Delivered) && v.LastDayOfUse < today).ToListAsync(ct);
        foreach (var voucher in due)
        {
            var old = VoucherSnapshot.Of(voucher);
            voucher.Lapse(clock.UtcNow);
            audit.Record(new VoucherChanged(voucher.Id, VoucherAuditActions.Lapsed, old, VoucherSnapshot.Of(voucher)));
        }

        if (due.Count > 0)
        {
            await db.SaveChangesAsync(ct);
        }

        return due.Count;
    }

    /// <summary>The voucher whose stored hash matches the token's (an absent or overlong token matches none).</summary>
    private async Task<Voucher?> ByTokenAsync(string? token, Func<string, System.Linq.Expressions.Expression<Func<Voucher, bool>>> match, CancellationToken ct) =>
        string.IsNullOrEmpty(token) || token.Length > 100 ? null : await db.Vouchers.FirstOrDefaultAsync(match(Hash(token)), ct);

    private static void CheckPdf(UploadedFile? file, string field, string nl, string en, List<DomainError> errors)
    {
        if (file is null || file.Content.Length == 0)
        {
            errors.Add(DomainError.Invalid("validation", $"{nl}: laad een PDF op.", $"{en}: upload a PDF.", field));
        }
        else if (!Applications.ApplicationService.IsPdf(file.Content))
        {
            errors.Add(DomainError.Invalid("not-pdf", $"{nl}: het bestand is geen PDF (de inhoud begint niet met %PDF-).", $"{en}: the file is not a PDF (its content does not start with %PDF-).", field));
        }
        else if (file.Content.Length > MaxFileBytes)
        {
            errors.Add(DomainError.Invalid("too-large", $"{nl}: hoogstens 10 MB.", $"{en}: at most 10 MB.", field));
        }
    }

    /// <summary>The largest invoice or proof accepted.</summary>
    public const int MaxFileBytes = 10 * 1024 * 1024;

    private VoucherFile File(int voucherId, VoucherFileKind kind, UploadedFile file) => new()
    {
        VoucherId = voucherId,
        Kind = kind,
        FileName = Path.GetFileName(file.FileName) is { Length: > 0 and <= 255 } name ? name : kind == VoucherFileKind.Invoice ? "factuur.pdf" : "bewijs-eigen-inbreng.pdf",
        Length = file.Content.Length,
        Sha256 = Sha256Hex(file.Content),
        Content = file.Content,
        UploadedAtUtc = clock.UtcNow,
    };

    private static string Sha256Hex(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant();

    private static string NewToken() => Convert.ToHexString(RandomNumberGenerator.GetBytes(32)).ToLowerInvariant();

    /// <summary>The scheme's budget to the cent (KC2): target, approved, reserved, paid, lapsed and left.</summary>
    public async Task<Result<VoucherBudget>> BudgetAsync(int schemeId, CancellationToken ct = default)
    {
        var scheme = await SchemeAsync(schemeId, ct);
        return scheme is null ? SchemeNotFound(schemeId) : Result<VoucherBudget>.Ok(await BudgetOfAsync(scheme, ct));
    }

    private async Task<VoucherBudget> BudgetOfAsync(VoucherScheme scheme, CancellationToken ct)
    {
        var rows = await db.Vouchers.AsNoTracking().Where(v => v.VoucherSchemeId == scheme.Id).Select(v => new { v.Status, v.Amount }).ToListAsync(ct);
        return VoucherBudget.Of(scheme.Budget, scheme.TargetCompanies, rows.Select(r => (r.Status, r.Amount)));
    }

    /// <summary>The controls as they stand now, for the decision: only those that refuse (flags were shown at confirmation).</summary>
    private async Task<IReadOnlyList<VoucherFinding>> RefusalsAsync(VoucherScheme scheme, Voucher voucher, CancellationToken ct) =>
        VoucherChecks.CheckApplication(await FactsAsync(scheme, voucher, ct)).Where(f => f.Outcome == VoucherCheckOutcome.Refused).ToList();

    private async Task<VoucherApplicationFacts> FactsAsync(VoucherScheme scheme, Voucher voucher, CancellationToken ct)
    {
        var provider = await db.Actors.AsNoTracking().Where(a => a.Id == voucher.ProviderActorId)
            .Select(a => new { a.KboNumber, a.Street, a.HouseNumber, a.Zipcode, a.Email, a.Phone }).FirstAsync(ct);
        // KC4 asks one thing of the inventory: is this company an actor? One indexed lookup, not every actor's number.
        var actorNumbers = await db.Actors.AsNoTracking().AnyAsync(a => a.KboNumber == voucher.CompanyKbo, ct)
            ? new HashSet<string>(StringComparer.Ordinal) { voucher.CompanyKbo }
            : new HashSet<string>(StringComparer.Ordinal);
        var neighbours = await NeighboursAsync(scheme.PartnershipId, ct);
        var earlier = await db.Vouchers.AsNoTracking()
            .Where(v => v.Id != voucher.Id && (v.CompanyKbo == voucher.CompanyKbo || v.VoucherSchemeId == scheme.Id || (voucher.ContactEmail != null && v.ContactEmail == voucher.ContactEmail) || (voucher.IpAddress != null && v.IpAddress == voucher.IpAddress)))
            .Join(db.VoucherSchemes, v => v.VoucherSchemeId, s => s.Id, (v, s) => new EarlierVoucher(v.VoucherSchemeId, v.PartnershipId, s.From, s.Until, v.CompanyKbo, v.ProviderActorId, v.ContactEmail, v.IpAddress, v.Status))
            .ToListAsync(ct);
        var providerAddress = string.Join(' ', new[] { provider.Street, provider.HouseNumber, provider.Zipcode }.Where(p => !string.IsNullOrWhiteSpace(p)));
        return new VoucherApplicationFacts(
            scheme.Id,
            scheme.PartnershipId,
            scheme.From,
            scheme.Until,
            scheme.Providers.Select(p => p.ActorId).ToHashSet(),
            neighbours,
            voucher.AppliedOn,
            null,
            new VoucherParty(voucher.CompanyKbo, voucher.CompanyAddress, voucher.ContactEmail, voucher.ContactPhone),
            await KboStandingAsync(voucher.CompanyKbo, ct),
            voucher.ProviderActorId,
            new VoucherParty(provider.KboNumber ?? "", providerAddress.Length == 0 ? null : providerAddress, provider.Email, provider.Phone),
            actorNumbers,
            voucher.DeclaredNotRelated,
            voucher.IpAddress,
            earlier);
    }

    /// <summary>The neighbouring partnerships of KC8: those with a member in a reference region of one of <paramref name="partnershipId"/>'s members.</summary>
    private async Task<IReadOnlySet<int>> NeighboursAsync(int partnershipId, CancellationToken ct)
    {
        var members = await db.Partnerships.AsNoTracking().Where(p => p.Id == partnershipId).SelectMany(p => p.Members.Select(m => m.NisCode)).ToListAsync(ct);
        var regions = await db.RegionAssignments.AsNoTracking().Where(r => members.Contains(r.NisCode)).Select(r => r.RegionCode).Distinct().ToListAsync(ct);
        var inRegions = await db.RegionAssignments.AsNoTracking().Where(r => regions.Contains(r.RegionCode)).Select(r => r.NisCode).Distinct().ToListAsync(ct);
        return (await db.Partnerships.AsNoTracking().Where(p => p.Id != partnershipId && p.Members.Any(m => inRegions.Contains(m.NisCode))).Select(p => p.Id).ToListAsync(ct)).ToHashSet();
    }

    /// <summary>The company in the KBO extract in force (KC4); a sole trader (natural person) is a company like any other here.</summary>
    private async Task<KboStanding> KboStandingAsync(string number, CancellationToken ct) =>
        (await kbo.StatusAsync(KboNumber.Parse(number), ct)).Standing;

    private async Task<(string? Name, VoucherTerms? Terms, IReadOnlyList<int> Providers, List<DomainError> Errors)> CheckSchemeAsync(int partnershipId, VoucherSchemeInput input, CancellationToken ct)
    {
        var errors = new List<DomainError>();
        var name = Required(input.Name, 200, "name", "Naam", "Name", errors);
        var kind = input.Kind switch
        {
            "fixed" => VoucherKind.Fixed,
            "co-funded" => VoucherKind.CoFunded,
            _ => (VoucherKind?)null,
        };
        if (kind is null)
        {
            errors.Add(DomainError.Invalid("validation", "Soort cheque: fixed (vaste waarde) of co-funded (met eigen inbreng).", "Kind of voucher: fixed or co-funded.", "kind"));
        }

        var value = Amount(input.Value, "value", "Waarde", "Value", errors, required: true);
        var own = Amount(input.OwnShare, "ownShare", "Eigen inbreng", "Own share", errors, required: false);
        var budget = Amount(input.Budget, "budget", "Budget", "Budget", errors, required: true);
        if (input.From is null || input.Until is null)
        {
            errors.Add(DomainError.Invalid("validation", "Periode: begin- en einddatum zijn verplicht.", "Period: start and end date are required.", input.From is null ? "from" : "until"));
        }

        var providers = (input.Providers ?? []).Distinct().ToList();
        if (providers.Count == 0)
        {
            errors.Add(DomainError.Rule(VoucherRules.Provider, "KC5: kies minstens één aanbieder uit de actoren van het regieverband.", "KC5: choose at least one provider among the partnership's actors.", "providers"));
        }
        else
        {
            var known = await db.Actors.AsNoTracking().Where(a => providers.Contains(a.Id) && a.PartnershipId == partnershipId && a.ArchivedAtUtc == null).Select(a => a.Id).ToListAsync(ct);
            foreach (var missing in providers.Except(known))
            {
                errors.Add(DomainError.Rule(VoucherRules.Provider, $"KC5: actor {missing} is geen actief actor van dit regieverband.", $"KC5: actor {missing} is not an active actor of this partnership.", "providers"));
            }
        }

        if (errors.Count > 0)
        {
            return (null, null, providers, errors);
        }

        var terms = new VoucherTerms(kind!.Value, value, own, input.UseWithinMonths ?? 0, input.From!.Value, input.Until!.Value, budget, input.TargetCompanies ?? 0);
        errors.AddRange(terms.Check());
        return (name, terms, providers, errors);
    }

    private static Money Amount(string? text, string field, string nl, string en, List<DomainError> errors, bool required)
    {
        if (string.IsNullOrWhiteSpace(text) && !required)
        {
            return Money.Zero;
        }

        if (Applications.Plan.PlanAmount.TryParse(text, out var amount) != Applications.Plan.PlanAmountProblem.None || amount.Cents < 0)
        {
            errors.Add(DomainError.Invalid("validation", $"{nl}: een bedrag in euro, bv. 500,00.", $"{en}: an amount in euros, e.g. 500.00.", field));
        }

        return amount;
    }

    private static string? Required(string? text, int max, string field, string nl, string en, List<DomainError> errors)
    {
        var clean = InputText.Clean(text, int.MaxValue);
        if (clean is null || clean.Length > max)
        {
            errors.Add(DomainError.Invalid("validation", $"{nl}: verplicht, hoogstens {max} tekens.", $"{en}: required, at most {max} characters.", field));
            return null;
        }

        return clean;
    }

    private Task<Result<T>> SaveAsync<T>(T entity, CancellationToken ct)
        where T : class => db.SaveOrConflictAsync(entity, ct);

    private static DomainError Concurrency(Voucher v) =>
        DomainError.Conflict("concurrency", $"Cheque {v.Id} werd intussen door iemand anders gewijzigd; herlaad en probeer opnieuw.", $"Voucher {v.Id} was changed by someone else in the meantime; reload and try again.");

    internal static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token))).ToLowerInvariant();

    private static DomainError PartnershipNotFound(int id) => DomainError.NotFound($"Regieverband {id} bestaat niet.", $"Partnership {id} does not exist.");

    private static DomainError SchemeNotFound(int id) => DomainError.NotFound($"Chequeregeling {id} bestaat niet of is niet open.", $"Voucher scheme {id} does not exist or is not open.");

    private static DomainError VoucherNotFound(int id) => DomainError.NotFound($"Cheque {id} bestaat niet.", $"Voucher {id} does not exist.");

    private static DomainError LinkNotFound() => DomainError.NotFound("Deze link is ongeldig of werd al gebruikt.", "This link is invalid or was used already.");

    /// <summary>New terms or providers for a draft scheme of <paramref name="partnershipId"/>, with the version read (KC1, KC5).</summary>
    public async Task<Result<VoucherScheme>> ChangeSchemeAsync(int partnershipId, int id, VoucherSchemeInput input, int version, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        db.ChangeTracker.Clear();
        var scheme = await db.VoucherSchemes.FirstOrDefaultAsync(s => s.Id == id && s.PartnershipId == partnershipId, ct);
        if (scheme is null)
        {
            return SchemeNotFound(id);
        }

        if (scheme.Status != VoucherSchemeStatus.Draft)
        {
            return DomainError.Conflict("scheme-not-draft", "Alleen een regeling in opmaak kan worden gewijzigd; een opengestelde regeling houdt haar voorwaarden.", "Only a draft scheme can be changed; an open scheme keeps its terms.");
        }

        var (name, terms, providers, errors) = await CheckSchemeAsync(partnershipId, input, ct);
        if (errors.Count > 0)
        {
            return Result<VoucherScheme>.Fail(errors);
        }

        var old = VoucherSchemeSnapshot.Of(scheme);
        db.ExpectVersion(scheme, version);
        scheme.Change(name!, terms!, providers, clock.UtcNow);
        audit.Record(new VoucherSchemeChanged(scheme.Id, AuditActions.Updated, old, VoucherSchemeSnapshot.Of(scheme)));
        return await SaveAsync(scheme, ct);
    }

    /// <summary>
    /// Closes an open scheme of <paramref name="partnershipId"/> to new applications, with the version read; vouchers
    /// already approved run their course.
    /// </summary>
    public async Task<Result<VoucherScheme>> CloseSchemeAsync(int partnershipId, int id, int version, CancellationToken ct = default)
    {
        db.ChangeTracker.Clear();
        var scheme = await db.VoucherSchemes.FirstOrDefaultAsync(s => s.Id == id && s.PartnershipId == partnershipId, ct);
        if (scheme is null)
        {
            return SchemeNotFound(id);
        }

        if (scheme.Status != VoucherSchemeStatus.Open)
        {
            return DomainError.Conflict("scheme-not-open", "Alleen een opengestelde regeling kan worden afgesloten.", "Only an open scheme can be closed.");
        }

        var old = VoucherSchemeSnapshot.Of(scheme);
        db.ExpectVersion(scheme, version);
        scheme.Close(clock.Today, clock.UtcNow);
        audit.Record(new VoucherSchemeChanged(scheme.Id, VoucherAuditActions.Closed, old, VoucherSchemeSnapshot.Of(scheme)));
        return await SaveAsync(scheme, ct);
    }
}
