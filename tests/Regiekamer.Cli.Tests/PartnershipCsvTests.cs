using Regiekamer.Core.Partnerships;
using Regiekamer.Core.ReferenceData;

namespace Regiekamer.Cli.Tests;

public sealed class PartnershipCsvTests
{
    private static readonly ReferenceSnapshot Shipped = ReferenceSnapshot.FromShipped();

    [Fact]
    public void Parse_ResolvesNamesAndCodes_KeepsFileOrder()
    {
        var text = """
            name,kind,members,managing_municipality,status,change_motivation
            Scheldeland,interlocal-association,Hamme; 42010 ;WETTEREN;Wichelen;Zele;Zele,wetteren,changed,Laarne sluit aan.
            Gent,central-city,44021,,existing,
            """;

        var result = PartnershipCsv.Parse("p.csv", new StringReader(text), Shipped);

        Assert.True(result.IsSuccess, string.Join("\n", result.Errors.Select(e => e.Message.Nl)));
        var (scheldeland, gent) = (result.Value![0], result.Value[1]);
        Assert.Equal(["42008", "42010", "42025", "42026", "42028"], scheldeland.Members.Select(m => m.Value));
        Assert.Equal("42025", scheldeland.ManagingMunicipality?.Value);
        Assert.Equal((PartnershipKind.InterlocalAssociation, PartnershipStatus.Changed), (scheldeland.Kind, scheldeland.Status));
        Assert.Equal("Laarne sluit aan.", scheldeland.ChangeMotivation);
        Assert.Equal((PartnershipKind.CentralCity, null), (gent.Kind, gent.ManagingMunicipality));
    }

    [Fact]
    public void Parse_ColumnsInAnyOrder_HeaderCaseIgnored()
    {
        var text = "Status,Members,Name,Kind,Managing_Municipality\nnew,Hamme;Zele,Duo,project-association,\n";

        var result = PartnershipCsv.Parse("p.csv", new StringReader(text), Shipped);

        Assert.True(result.IsSuccess);
        Assert.Equal("Duo", Assert.Single(result.Value!).Name);
    }

    [Fact]
    public void Parse_EveryErrorNamesFileRowFieldAndValue_AndKeepsTheRuleId()
    {
        var text = "name,kind,members,managing_municipality,status\nA,guild,Hamme,,new\nB,interlocal-association,Hamme;Zele,Gent,new\n";

        var result = PartnershipCsv.Parse("p.csv", new StringReader(text), Shipped);

        Assert.False(result.IsSuccess);
        Assert.Collection(
            result.Errors,
            e =>
            {
                Assert.Equal("R1", e.Code);
                Assert.StartsWith("p.csv, rij 2, veld kind, waarde 'guild': R1:", e.Message.Nl, StringComparison.Ordinal);
                Assert.StartsWith("p.csv, row 2, field kind, value 'guild': R1:", e.Message.En, StringComparison.Ordinal);
            },
            e =>
            {
                Assert.Equal("R4", e.Code);
                Assert.StartsWith("p.csv, rij 3, veld managing_municipality, waarde 'Gent': R4:", e.Message.Nl, StringComparison.Ordinal);
                Assert.DoesNotContain("..", e.Message.Nl, StringComparison.Ordinal);
            });
    }
}
