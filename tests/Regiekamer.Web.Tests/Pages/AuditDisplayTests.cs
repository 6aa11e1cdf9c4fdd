using Regiekamer.Core.Accounts;
using Regiekamer.Web.Features.Audit;

namespace Regiekamer.Web.Tests.Pages;

/// <summary>How the audit trail's recorded roles read for people: the same role names as everywhere else (RoleNames).</summary>
public sealed class AuditDisplayTests
{
    [Theory]
    [InlineData("CaseHandler", "Dossierbehandelaar", "Case handler")]
    [InlineData("Regisseur:12", "Regisseur van regieverband 12", "Regisseur of partnership 12")]
    [InlineData("MemberViewer:3", "Medewerker lidgemeente van regieverband 3", "Member municipality staff of partnership 3")]
    [InlineData("Administrator,Signatory:12", "Beheerder, Ondertekenaar van regieverband 12", "Administrator, Signatory of partnership 12")]
    [InlineData("Operator", "Operator (opdrachtregel)", "Operator (command line)")]
    [InlineData("System", "Systeem", "System")]
    [InlineData("3", "3", "3")] // a number is no role, though Enum.TryParse would take it
    [InlineData("Onbekend:7", "Onbekend:7", "Onbekend:7")]
    public void Role_ReadsAsTheRoleName_WithItsPartnership(string recorded, string nl, string en)
    {
        var shown = AuditDisplay.Role(recorded);

        Assert.Equal((nl, en), (shown.Nl, shown.En));
    }

    [Fact]
    public void EveryRole_IsNamedInTheAuditTrail_AsWhereItIsGranted()
    {
        Assert.All(RoleNames.All, role =>
        {
            Assert.StartsWith(RoleNames.Name(role).Nl + " (", RoleNames.Of(role).Nl, StringComparison.Ordinal);
            Assert.Equal(RoleNames.Name(role), AuditDisplay.Role(role.ToString()));
        });
    }
}
