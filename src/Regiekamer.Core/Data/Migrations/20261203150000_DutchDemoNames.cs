using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Regiekamer.Core.Data.Migrations;

/// <summary>
/// The three central cities that applied alone had English demo names ("Centrumstad Antwerpen (alone)") on Dutch
/// pages; the shipped compositions now call them "Centrumstad Antwerpen" etc. This renames them in databases seeded
/// before: demo partnerships only (IsDemo), by their old name, so a partnership someone made or renamed is left alone.
/// </summary>
[DbContext(typeof(RegiekamerDb))]
[Migration("20261203150000_DutchDemoNames")]
public sealed class DutchDemoNames : Migration
{
    private static readonly (string Old, string New)[] Names =
    [
        ("Centrumstad Antwerpen (alone)", "Centrumstad Antwerpen"),
        ("Centrumstad Gent (alone)", "Centrumstad Gent"),
        ("Centrumstad Leuven (alone)", "Centrumstad Leuven"),
    ];

    protected override void Up(MigrationBuilder migrationBuilder) => Rename(migrationBuilder, Names);

    protected override void Down(MigrationBuilder migrationBuilder) => Rename(migrationBuilder, Names.Select(n => (n.New, n.Old)));

    private static void Rename(MigrationBuilder migrationBuilder, IEnumerable<(string From, string To)> names)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);

        // Plain SQL with constant names (no target model for UpdateData); quoted identifiers and TRUE read the same on
        // SQLite and PostgreSQL. The version goes up as on every save, so an edit form opened before cannot overwrite
        // the new name, and the derived results (cached per version of their inputs) are computed again.
        foreach (var (from, to) in names)
        {
            migrationBuilder.Sql($"UPDATE \"Partnerships\" SET \"Name\" = '{to}', \"Version\" = \"Version\" + 1 WHERE \"Name\" = '{from}' AND \"IsDemo\" = TRUE");
        }

        migrationBuilder.Sql($"UPDATE \"DataVersions\" SET \"Value\" = \"Value\" + 1 WHERE \"Name\" = '{DataVersion.DerivedInputs}'");
    }
}
