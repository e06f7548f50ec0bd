package dev.migrate.script;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;

import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes {@value ScriptDirectory#INDEX_RESOURCE}: the names of the classes annotated with
 * {@link Revision}, one per line, so that revisions are found at start-up without scanning the
 * class path. Registered in {@code META-INF/services/javax.annotation.processing.Processor}; javac
 * runs it for every module that has migrate-core on its class path. It also rejects, at compile
 * time, a {@code @Revision} class that does not implement {@link Migration}.
 */
@SupportedAnnotationTypes("dev.migrate.script.Revision")
public class RevisionIndexProcessor extends AbstractProcessor {

	private final Set<String> classes = new TreeSet<>();

	@Override
	public SourceVersion getSupportedSourceVersion() {
		return SourceVersion.latestSupported();
	}

	@Override
	public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment roundEnv) {
		TypeElement revision = this.processingEnv.getElementUtils().getTypeElement(Revision.class.getName());
		TypeElement migration = this.processingEnv.getElementUtils().getTypeElement(Migration.class.getName());
		if (revision != null) {
			for (Element element : roundEnv.getElementsAnnotatedWith(revision)) {
				if (element.getKind() != ElementKind.CLASS) {
					error(element, "@Revision is only allowed on classes implementing " + Migration.class.getName());
					continue;
				}
				TypeElement type = (TypeElement) element;
				TypeMirror migrationType = (migration != null) ? migration.asType() : null;
				if (migrationType != null && !this.processingEnv.getTypeUtils().isAssignable(type.asType(), migrationType)) {
					error(element, "@Revision class " + type.getQualifiedName() + " must implement "
							+ Migration.class.getName());
					continue;
				}
				if (type.getModifiers().contains(Modifier.ABSTRACT)) {
					error(element, "@Revision class " + type.getQualifiedName() + " must not be abstract");
					continue;
				}
				this.classes.add(this.processingEnv.getElementUtils().getBinaryName(type).toString());
			}
		}
		if (roundEnv.processingOver() && !this.classes.isEmpty()) {
			write();
		}
		return false;
	}

	private void write() {
		Set<String> all = new TreeSet<>(this.classes);
		all.addAll(previouslyIndexed());
		try {
			FileObject file = this.processingEnv.getFiler()
				.createResource(StandardLocation.CLASS_OUTPUT, "", ScriptDirectory.INDEX_RESOURCE);
			try (Writer writer = new java.io.OutputStreamWriter(file.openOutputStream(), StandardCharsets.UTF_8)) {
				for (String name : all) {
					writer.write(name);
					writer.write('\n');
				}
			}
		}
		catch (IOException ex) {
			this.processingEnv.getMessager()
				.printMessage(Diagnostic.Kind.ERROR, "Could not write " + ScriptDirectory.INDEX_RESOURCE + ": " + ex);
		}
	}

	/**
	 * Entries of an index left by an earlier compilation whose classes still exist and still carry
	 * {@link Revision}: an incremental compile (IDE) only sees the classes it recompiles.
	 */
	private Set<String> previouslyIndexed() {
		Set<String> kept = new TreeSet<>();
		try {
			FileObject existing = this.processingEnv.getFiler()
				.getResource(StandardLocation.CLASS_OUTPUT, "", ScriptDirectory.INDEX_RESOURCE);
			String content = existing.getCharContent(true).toString();
			for (String line : content.split("\\r?\\n")) {
				String name = line.strip();
				if (name.isEmpty() || this.classes.contains(name)) {
					continue;
				}
				TypeElement type = this.processingEnv.getElementUtils().getTypeElement(name.replace('$', '.'));
				if (type != null && type.getAnnotation(Revision.class) != null) {
					kept.add(name);
				}
			}
		}
		catch (IOException | IllegalArgumentException | IllegalStateException ex) {
			// no earlier index
		}
		return kept;
	}

	private void error(Element element, String message) {
		this.processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, message, element);
	}

}
