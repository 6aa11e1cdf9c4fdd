using Regiekamer.Core.Documents;

namespace Regiekamer.Core.Tests.Documents;

public class LiberationSansFontResolverTests
{
    private readonly LiberationSansFontResolver resolver = new();

    [Theory]
    [InlineData("Liberation Sans")]
    [InlineData("Arial")]
    [InlineData("Helvetica")]
    [InlineData("Times New Roman")]
    [InlineData("")]
    public void EveryFamily_GetsLiberationSans_InTheStyleAskedFor(string family)
    {
        Assert.Equal("LiberationSans-Regular", resolver.ResolveTypeface(family, bold: false, italic: false).FaceName);
        Assert.Equal("LiberationSans-Bold", resolver.ResolveTypeface(family, bold: true, italic: false).FaceName);
        Assert.Equal("LiberationSans-Italic", resolver.ResolveTypeface(family, bold: false, italic: true).FaceName);
        Assert.Equal("LiberationSans-BoldItalic", resolver.ResolveTypeface(family, bold: true, italic: true).FaceName);
    }

    [Fact]
    public void EveryFace_IsATrueTypeFileShippedInTheAssembly()
    {
        foreach (var face in LiberationSansFontResolver.FaceNames)
        {
            var font = resolver.GetFont(face);

            Assert.NotNull(font);
            Assert.True(font.Length > 300_000, $"{face}: {font.Length} bytes");
            Assert.Equal(new byte[] { 0, 1, 0, 0 }, font[..4]);
        }

        Assert.Null(resolver.GetFont("DejaVuSans"));
    }

    [Fact]
    public void TheLicence_TheSilOpenFontLicence11_InFull_ShipsWithTheFonts()
    {
        var licence = LiberationSansFontResolver.LicenceText();

        Assert.Contains("Copyright (c) 2012 Red Hat, Inc. with Reserved Font Name Liberation.", licence, StringComparison.Ordinal);
        Assert.Contains("SIL OPEN FONT LICENSE Version 1.1 - 26 February 2007", licence, StringComparison.Ordinal);
        foreach (var section in new[] { "PREAMBLE", "DEFINITIONS", "PERMISSION & CONDITIONS", "TERMINATION", "DISCLAIMER" })
        {
            Assert.Contains(section, licence, StringComparison.Ordinal);
        }

        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "licenses", "LiberationSans-OFL.txt")), "the licence is copied beside the assemblies");
    }

    [Fact]
    public void Registering_IsOncePerProcess_AndSafeToRepeat()
    {
        DocumentFonts.EnsureRegistered();
        DocumentFonts.EnsureRegistered();

        Assert.Same(DocumentFonts.Resolver, PdfSharp.Fonts.GlobalFontSettings.FontResolver);
    }
}
