using Regiekamer.Core.Vouchers;

namespace Regiekamer.Web.Features.Vouchers;

/// <summary>A scheme as the regisseur sets it up: kind "fixed" or "co-funded", amounts in euros as text ("500.00" or "500,00"), ISO dates, provider actor ids; version when changing.</summary>
public sealed record VoucherSchemeRequest(string? Name, string? Kind, string? Value, string? OwnShare, int? UseWithinMonths, DateOnly? From, DateOnly? Until, string? Budget, int? TargetCompanies, IReadOnlyList<int>? Providers, int Version = 0)
{
    public VoucherSchemeInput ToInput() => new(Name, Kind, Value, OwnShare, UseWithinMonths, From, Until, Budget, TargetCompanies, Providers);
}

public sealed record VoucherVersionRequest(int Version);

/// <summary>The decision: approve true/false, a reason (required to refuse), the voucher's version read.</summary>
public sealed record VoucherDecisionRequest(bool Approve, string? Reason, int Version);

/// <summary>The payout: date (from the invoice date up to today), the payment's reference, the voucher's version read.</summary>
public sealed record VoucherPaymentRequest(DateOnly? PaidOn, string? Reference, int Version);

/// <summary>A scheme's dashboard to the cent (KC2): left = budget − reserved − paid; amounts in euros as text ("5000.00").</summary>
public sealed record VoucherBudgetDto(string Budget, int TargetCompanies, int Approved, string Reserved, int ReservedCount, int PaidCount, string Paid, int Lapsed, string LapsedValue, string Left, DateTime AsOfUtc)
{
    public static VoucherBudgetDto Of(VoucherBudget b, DateTime asOfUtc)
    {
        ArgumentNullException.ThrowIfNull(b);
        return new(b.Budget.ToInvariantString(), b.Target, b.Approved, b.Reserved.ToInvariantString(), b.Approved - b.PaidCount, b.PaidCount, b.Paid.ToInvariantString(), b.Lapsed, b.LapsedValue.ToInvariantString(), b.Left.ToInvariantString(), asOfUtc);
    }
}

public sealed record VoucherProviderDto(int ActorId, string Name);

public sealed record VoucherSchemeDto(
    int Id, int PartnershipId, string PartnershipName, string Name, string Kind, string Value, string OwnShare, int UseWithinMonths, DateOnly From, DateOnly Until, string Budget, int TargetCompanies,
    string Status, DateOnly? ClosedOn, bool IsDemo, IReadOnlyList<VoucherProviderDto> Providers, int Version, VoucherBudgetDto Dashboard)
{
    public static VoucherSchemeDto Of(VoucherSchemeView v, DateTime asOfUtc)
    {
        ArgumentNullException.ThrowIfNull(v);
        var s = v.Scheme;
        return new(
            s.Id, s.PartnershipId, v.PartnershipName, s.Name, VoucherLabels.KindCode(s.Kind), s.Value.ToInvariantString(), s.OwnShare.ToInvariantString(), s.UseWithinMonths, s.From, s.Until, s.Budget.ToInvariantString(), s.TargetCompanies,
            VoucherLabels.SchemeStatusCode(s.Status), s.ClosedOn, s.IsDemo, v.Providers.Select(p => new VoucherProviderDto(p.ActorId, p.Name)).ToList(), s.Version, VoucherBudgetDto.Of(v.Budget, asOfUtc));
    }
}

/// <summary>A voucher in a scheme's list: company, provider, status, amount, the rule IDs its findings name, dates.</summary>
public sealed record VoucherSummaryDto(int Id, int SchemeId, string CompanyKbo, string CompanyName, int ProviderActorId, string ProviderName, string Status, string Amount, IReadOnlyList<string> Flags, DateOnly AppliedOn, DateOnly? DecidedOn, int Version)
{
    public static VoucherSummaryDto Of(VoucherItem i)
    {
        ArgumentNullException.ThrowIfNull(i);
        var v = i.Voucher;
        return new(v.Id, v.VoucherSchemeId, v.CompanyKbo, v.CompanyName, v.ProviderActorId, i.ProviderName, VoucherExport.StatusCode(v.Status), v.Amount.ToInvariantString(), VoucherLabels.Flags(v), v.AppliedOn, v.DecidedOn, v.Version);
    }
}

public sealed record VoucherFileDto(string Kind, string FileName, long Length, string Sha256, DateTime UploadedAtUtc);

/// <summary>A voucher with all its data: the contact person (personal data, null once erased), the findings line by line, the invoice, the payout and the files.</summary>
public sealed record VoucherDto(
    int Id, int SchemeId, int PartnershipId, string CompanyKbo, string CompanyName, string? CompanyAddress, string? ContactName, string? ContactEmail, string? ContactPhone, int ProviderActorId, string ProviderName,
    string Service, bool DeclaredNotRelated, string Status, string Amount, IReadOnlyList<string> Findings, DateOnly AppliedOn, DateTime? ConfirmedAtUtc, DateOnly? DecidedOn, string? DecisionReason,
    DateOnly? LastDayOfUse, DateOnly? DeliveredOn, string? InvoiceNumber, DateOnly? InvoiceDate, string InvoiceTotal, string PaidByCompany, DateOnly? PaidOn, string? PaymentReference, bool PersonalDataErased,
    IReadOnlyList<VoucherFileDto> Files, int Version)
{
    public static VoucherDto Of(VoucherItem i, IReadOnlyList<VoucherFileInfo> files)
    {
        ArgumentNullException.ThrowIfNull(i);
        ArgumentNullException.ThrowIfNull(files);
        var v = i.Voucher;
        return new(
            v.Id, v.VoucherSchemeId, v.PartnershipId, v.CompanyKbo, v.CompanyName, v.CompanyAddress, v.ContactName, v.ContactEmail, v.ContactPhone, v.ProviderActorId, i.ProviderName,
            v.Service, v.DeclaredNotRelated, VoucherExport.StatusCode(v.Status), v.Amount.ToInvariantString(), VoucherLabels.Findings(v), v.AppliedOn, v.ConfirmedAtUtc, v.DecidedOn, v.DecisionReason,
            v.LastDayOfUse, v.DeliveredOn, v.InvoiceNumber, v.InvoiceDate, v.InvoiceTotal.ToInvariantString(), v.PaidByCompany.ToInvariantString(), v.PaidOn, v.PaymentReference, v.PersonalDataErased,
            files.Select(f => new VoucherFileDto(VoucherLabels.FileKindCode(f.Kind), f.FileName, f.Length, f.Sha256, f.UploadedAtUtc)).ToList(), v.Version);
    }
}
