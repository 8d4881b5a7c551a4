/**
 * XLSForm in and out, without any framework: reading an .xlsx with Apache POI's streaming reader
 * ({@link nl.stem.survey.xlsform.XlsxReader}), turning the form into the same survey file and PO
 * translations a researcher would write by hand ({@link nl.stem.survey.xlsform.XlsFormImporter},
 * {@link nl.stem.survey.xlsform.SurveyFilesWriter}), translating {@code relevant} and
 * {@code constraint} from XLSForm's expression syntax into Stem's conditions
 * ({@link nl.stem.survey.xlsform.XPathExpressions}), and writing any survey version back out as an
 * XLSForm ({@link nl.stem.survey.xlsform.XlsFormExporter}). {@link nl.stem.survey.xlsform.XlsForms}
 * ties them together. The mapping, what is refused and why, is in {@code docs/xlsform.md}.
 */
package nl.stem.survey.xlsform;
